import { describe, expect, it } from 'vitest';
import { describeCameraError } from './camera.std';

describe('describeCameraError', () => {
  it('tells a denied permission from a missing or busy camera', () => {
    expect(describeCameraError('NotAllowedError').title).toMatch(/permission was denied/);
    expect(describeCameraError('NotFoundError').title).toMatch(/No camera/);
    expect(describeCameraError('NotReadableError').title).toMatch(/busy/);
    expect(describeCameraError('SomethingNew').advice).toMatch(/Try again/);
  });
});
