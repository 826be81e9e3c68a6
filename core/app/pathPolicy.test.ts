import { describe, expect, it } from 'vitest';
import { type PathPolicy, refusePath } from './pathPolicy.std';

const policy: PathPolicy = {
  allowedRoots: ['/home/ada', '/tmp', '/media', '/home/ada/.config/SafeTake/takes'],
  deniedRoots: ['/home/ada/.config/SafeTake', '/home/ada/.ssh'],
  separator: '/',
};

describe('refusePath', () => {
  it('accepts files in the user\'s folders', () => {
    expect(refusePath('/home/ada/Videos/take 1.mov', policy)).toBeUndefined();
    expect(refusePath('/media/usb/DCIM/IMG_0001.JPG', policy)).toBeUndefined();
  });

  it('accepts the takes recorded in the app, though the rest of its data folder is off limits', () => {
    expect(refusePath('/home/ada/.config/SafeTake/takes/s1/take-001.webm', policy)).toBeUndefined();
    expect(refusePath('/home/ada/.config/SafeTake/sessions.jsonl', policy)).toMatch(/does not work/);
  });

  it.each([
    ['/etc/passwd', /home folder/],
    ['/home/adam/x.mp4', /home folder/],
    ['relative/x.mp4', /full paths/],
    ['/home/ada/../root/.bashrc', /"\."/],
    ['/home/ada/.ssh/id_ed25519', /does not work on files in that folder/],
    ['/home/ada/.config/SafeTake/log.jsonl', /does not work/],
    ['/tmp/a\0b', /not a valid path/],
    [42, /No path/],
  ])('refuses %s', (candidate, reason) => {
    expect(refusePath(candidate, policy)).toMatch(reason);
  });

  it('ignores case where the file system does (Windows, macOS), so "~/.SSH" is refused as "~/.ssh" is', () => {
    const mac: PathPolicy = { allowedRoots: ['/Users/ada'], deniedRoots: ['/Users/ada/.ssh', '/Users/ada/Library'], separator: '/', caseInsensitive: true };
    expect(refusePath('/Users/ada/.SSH/id_ed25519', mac)).toMatch(/does not work/);
    expect(refusePath('/users/ADA/library/Cookies/Cookies.binarycookies', mac)).toMatch(/does not work/);
    expect(refusePath('/Users/ada/Movies/take.mov', mac)).toBeUndefined();
    expect(refusePath('/Users/ada/.SSH/id_ed25519', { ...mac, caseInsensitive: false })).toBeUndefined();
  });

  it('handles Windows paths', () => {
    const windows: PathPolicy = { allowedRoots: ['C:\\Users\\Ada'], deniedRoots: [], separator: '\\' };
    expect(refusePath('C:\\Users\\Ada\\Videos\\a.mp4', windows)).toBeUndefined();
    expect(refusePath('C:\\Windows\\system.ini', windows)).toMatch(/home folder/);
  });
});
