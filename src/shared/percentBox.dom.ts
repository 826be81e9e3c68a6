/** A box in a picture's pixels as CSS placing it over that picture at any displayed size. */
export function percentBox(box: { x: number; y: number; w: number; h: number }, picture: { width: number; height: number }) {
  return {
    left: `${(box.x / picture.width) * 100}%`,
    top: `${(box.y / picture.height) * 100}%`,
    width: `${(box.w / picture.width) * 100}%`,
    height: `${(box.h / picture.height) * 100}%`,
  };
}
