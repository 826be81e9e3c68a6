import { describe, expect, it } from 'vitest';
import { MEDIA_FILE_INPUT, ffmpegArgv, orientationFilters, orientationFromExifTool } from '../media/ffmpegArgs.std';
import type { MediaProbe } from '../media/probe.std';
import {
  DEFAULT_SANITIZE_OPTIONS,
  clampRegion,
  outputSizeFor,
  planSanitize,
  videoFilterGraph,
} from './plan.std';

const phoneClip: MediaProbe = {
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSeconds: 4,
  streams: [
    { index: 0, type: 'video', codec: 'h264', width: 1920, height: 1080, rotation: 90, durationSeconds: 4, attachedPicture: false },
    { index: 1, type: 'audio', codec: 'aac', rotation: 0, attachedPicture: false },
    { index: 2, type: 'data', codec: 'bin_data', rotation: 0, attachedPicture: false },
    { index: 3, type: 'video', codec: 'mjpeg', width: 300, height: 300, rotation: 0, attachedPicture: true },
  ],
};

function plan(options = {}, extra = {}) {
  return planSanitize({ input: 'in.mov', output: 'out.mp4', kind: 'video', probe: phoneClip, options: { ...DEFAULT_SANITIZE_OPTIONS, ...options }, ...extra });
}

describe('planSanitize (video)', () => {
  it('maps one picture and one sound stream and nothing else', () => {
    const args = ffmpegArgv(plan().invocation);
    const maps = args.flatMap((arg, i) => (arg === '-map' ? [args[i + 1]] : []));
    expect(maps).toEqual(['[v]', '0:1']);
    expect(args).toEqual(expect.arrayContaining(['-sn', '-dn', '-map_chapters', '-1']));
  });

  it('drops all metadata, encoder versions and in-stream SEI text', () => {
    const args = ffmpegArgv(plan().invocation).join(' ');
    expect(args).toContain('-map_metadata -1 -map_metadata:s -1');
    expect(args).toContain('-fflags +bitexact -flags:v +bitexact -flags:a +bitexact');
    expect(args).toContain('-bsf:v filter_units=remove_types=6');
  });

  it('sizes the output as the viewer sees it (rotation applied) and caps the short side', () => {
    expect(plan().outputSize).toEqual({ width: 1080, height: 1920 });
    expect(plan({ maxHeight: 720 }).outputSize).toEqual({ width: 720, height: 1280 });
  });

  it('keeps, mutes or removes audio as asked', () => {
    expect(plan().expectedStreams).toEqual(['video', 'audio']);
    const muted = plan({ audio: 'mute' });
    expect(muted.expectedStreams).toEqual(['video', 'audio']);
    expect(muted.invocation.inputs[1]).toEqual({ source: 'anullsrc=channel_layout=stereo:sample_rate=48000', options: ['-f', 'lavfi', '-t', '4.000'] });
    expect(plan({ audio: 'remove' }).expectedStreams).toEqual(['video']);
  });

  it('trims or removes damaged audio when recovery asks for it', () => {
    expect(ffmpegArgv(plan({}, { audioEndSeconds: 2.5 }).invocation)).toEqual(expect.arrayContaining(['-af', 'atrim=end=2.500,asetpts=PTS-STARTPTS']));
    const dropped = plan({}, { audioUnusable: true });
    expect(dropped.expectedStreams).toEqual(['video']);
    expect(dropped.notes).toEqual(['audio-removed']);
  });

  it('writes WebM with VP9 and Opus', () => {
    const webm = plan({ format: 'webm' });
    expect(webm.outputExtension).toBe('.webm');
    expect(ffmpegArgv(webm.invocation).join(' ')).toMatch(/-c:v libvpx-vp9 .* -c:a libopus .* -f webm/);
  });
});

describe('planSanitize (photo)', () => {
  const photo: MediaProbe = {
    formatName: 'image2',
    streams: [{ index: 0, type: 'video', codec: 'mjpeg', width: 4032, height: 3024, rotation: 0, attachedPicture: false }],
  };
  it('applies EXIF orientation itself and writes one bitexact frame', () => {
    const p = planSanitize({ input: 'a.jpg', output: 'b.jpg', kind: 'photo', probe: photo, options: DEFAULT_SANITIZE_OPTIONS, photoOrientation: 6 });
    const args = ffmpegArgv(p.invocation);
    expect(args.slice(0, 10)).toEqual([...MEDIA_FILE_INPUT, '-noautorotate', '-i', 'a.jpg', '-y', '-hide_banner', '-nostdin']);
    expect(args.join(' ')).toContain('[0:v:0]sidedata=mode=delete:type=ICC_PROFILE,transpose=1[s0]');
    expect(p.outputSize).toEqual({ width: 3024, height: 4032 });
    expect(args).toEqual(expect.arrayContaining(['-frames:v', '1', '-c:v', 'mjpeg']));
  });
});

describe('reading only the file the user chose', () => {
  it('lets ffmpeg read the input with media demuxers and the file protocol only, and a generated silence as it is', () => {
    const p = planSanitize({ input: '/home/a/take.mp4', output: 'b.mp4', kind: 'video', probe: phoneClip, options: { ...DEFAULT_SANITIZE_OPTIONS, audio: 'mute' } });
    const [file, ...others] = p.invocation.inputs;
    expect(file).toEqual({ source: '/home/a/take.mp4', options: MEDIA_FILE_INPUT });
    expect(MEDIA_FILE_INPUT.join(' ')).toBe('-protocol_whitelist file -format_whitelist mov,matroska,avi,mpegts,asf,h264,hevc,m4v,image2,jpeg_pipe,png_pipe,webp_pipe');
    expect(others).toHaveLength(1);
    expect(others[0]!.options).toContain('lavfi');
  });
});

describe('helpers', () => {
  it('maps every EXIF orientation', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((o) => orientationFilters(o).join(','))).toEqual([
      '', 'hflip', 'hflip,vflip', 'vflip', 'transpose=0', 'transpose=1', 'transpose=3', 'transpose=2',
    ]);
    expect(orientationFromExifTool('Rotate 90 CW')).toBe(6);
    expect(orientationFromExifTool('unknown')).toBeUndefined();
  });

  it('keeps sizes even and never upscales', () => {
    expect(outputSizeFor({ width: 853, height: 481 }, undefined)).toEqual({ width: 852, height: 480 });
    expect(outputSizeFor({ width: 640, height: 360 }, 720)).toEqual({ width: 640, height: 360 });
  });

  it('clamps blur regions into the picture on even pixels, and skips ones outside it', () => {
    expect(clampRegion({ x: -10, y: 5, w: 51, h: 3 }, { width: 640, height: 480 })).toEqual({ x: 0, y: 4, w: 50, h: 16 });
    expect(clampRegion({ x: 630, y: 470, w: 100, h: 100 }, { width: 640, height: 480 })).toEqual({ x: 540, y: 380, w: 100, h: 100 });
    expect(clampRegion({ x: 700, y: 0, w: 10, h: 10 }, { width: 640, height: 480 })).toBeUndefined();
  });

  it('chains one split/crop/blur/overlay per region', () => {
    const graph = videoFilterGraph([{ x: 10, y: 10, w: 100, h: 100 }, { x: 300, y: 200, w: 50, h: 50 }], { width: 640, height: 480 }, { width: 640, height: 480 }, [], 'yuv420p');
    expect(graph.match(/boxblur/g)).toHaveLength(2);
    expect(graph).toMatch(/overlay=10:10\[s3\].*\[s3\]split/);
    expect(graph.endsWith('scale=640:480:flags=lanczos,setsar=1,format=yuv420p[v]')).toBe(true);
  });
});

describe('planSanitize with redacted frames on stdin', () => {
  const raw = { width: 1080, height: 1920, framesPerSecond: 30 };
  it('reads the picture from stdin at its size and rate, and only the sound from the file', () => {
    const { invocation, frameSeconds } = plan({}, { rawPicture: raw });
    // The copy's length is checked against a frame of its own rate, not of the source's.
    expect(frameSeconds).toBe(1 / 30);
    expect(plan({}).frameSeconds).toBeUndefined();
    expect(invocation.inputs[0]).toEqual({ source: 'pipe:0', options: ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', '1080x1920', '-r', '30.000000'] });
    expect(invocation.inputs[1]!.source).toBe('in.mov');
    const args = ffmpegArgv(invocation);
    const maps = args.flatMap((arg, i) => (arg === '-map' ? [args[i + 1]] : []));
    expect(maps).toEqual(['[v]', '1:1']);
    expect(args.join(' ')).not.toContain('transpose');
    expect(args.join(' ')).not.toContain('boxblur');
  });

  it('takes silence as the third input when muted, and no file at all', () => {
    const { invocation } = plan({ audio: 'mute' }, { rawPicture: raw });
    expect(invocation.inputs.map((input) => input.source)).toEqual(['pipe:0', expect.stringContaining('anullsrc')]);
    const args = ffmpegArgv(invocation);
    expect(args[args.indexOf('-map', args.indexOf('[v]')) + 1]).toBe('1:a:0');
  });
});
