import { describe, expect, it } from 'vitest';
import { classifyTag, splitTagKey, tagValueToString } from './identifyingTags.std';

function verdict(key: string, value: string) {
  return classifyTag({ ...splitTagKey(key), value });
}

describe('classifyTag', () => {
  it.each([
    ['UserData:GPSCoordinates', '33.1268 -117.3273', /Location/],
    ['Keys:GPSCoordinates-und-US', '38 deg 11\' N', /Location/],
    ['GPS:GPSLatitude', '53 deg 22\'', /Location/],
    ['XMP-exif:GPSLongitude', '6 deg 15\' W', /Location/],
    ['UserData:LocationInformation', 'Lat=34.07539', /Location/],
    ['Doc1:GPSSpeed', '0.5', /Location/],
    ['Doc3:AccelerometerX', '0.1', /telemetry/],
    ['IFD0:Make', 'Apple', /Device/],
    ['IFD0:Model', 'iPhone 7', /Device/],
    ['Pentax:InternalSerialNumber', '8007725', /maker notes/],
    ['UserData:LensSerialNumber', 'LAE6101112400243', /Device/],
    ['ExifIFD:LensModel', 'iPhone 7 back camera', /Device/],
    ['GoPro:Model', 'GoPro Max', /maker notes/],
    ['H264:Make', 'Sony', /Device/],
    ['IFD0:Software', '10.0.2', /Software/],
    ['RIFF:Software', 'MEncoder SVN-r33148', /Software/],
    ['ItemList:Encoder', 'Lavf56.15.102', /Software/],
    ['Matroska:MuxingApp', 'Lavf54.63.100', /Software/],
    ['Track1:CompressorName', 'GoPro AVC encoder', /Software/],
    ['Track1:HandlerDescription', 'GoPro AVC  ', /Software/],
    ['XMP-xmpMM:HistorySoftwareAgent', 'Adobe After Effects', /Software/],
    ['QuickTime:CreateDate', '2019:11:18 15:45:32', /Date/],
    ['ExifIFD:DateTimeOriginal', '2016:09:28 18:18:05', /Date/],
    ['File:Comment', 'Created with GIMP', /Names and text/],
    ['PNG:Comment', 'This is a comment, be careful!', /Names and text/],
    ['IFD0:Artist', 'jvoisin', /Names and text/],
    ['ItemList:Title', 'Cool cool', /Names and text/],
    ['IPTC:By-lineTitle', 'Photographer', /Names and text/],
    ['XMP-xmpMM:DocumentID', 'xmp.did:123', /Content identifier/],
    ['UserData:MediaUID', '733a0698', /Content identifier/],
    ['XMP-photoshop:Headline', 'Baltic sea', /Names and text/],
    ['XMP-tiff:Orientation', 'Horizontal', /XMP/],
    ['UserData:Anything', 'x', /QuickTime user data/],
  ])('flags %s', (key, value, reason) => {
    const result = verdict(key, value);
    expect(result.identifying).toBe(true);
    expect(result.reason).toMatch(reason);
  });

  it.each([
    ['QuickTime:CreateDate', '0000:00:00 00:00:00'],
    ['Track1:TrackModifyDate', '0000:00:00 00:00:00'],
    ['Track1:CompressorName', 'Lavc libx264'],
    ['Matroska:MuxingApp', 'Lavf'],
    ['Matroska:Encoder', 'Lavc libvpx-vp9'],
    ['Track1:HandlerDescription', 'VideoHandler'],
    ['QuickTime:HandlerVendorID', 'Apple'],
    ['Track1:HandlerType', 'Video Track'],
    ['Track1:ImageWidth', '1920'],
    ['QuickTime:Duration', '1.04 s'],
    ['Track1:MediaLanguageCode', 'und'],
    ['File:MIMEType', 'video/mp4'],
    ['System:FileName', 'clip-001.mp4'],
    ['System:FileModifyDate', '2026:11:23 07:54:10+00:00'],
    ['ICC_Profile:ProfileDescription', 'sRGB IEC61966-2.1'],
    ['ICC_Profile:ProfileDateTime', '1998:02:09 06:49:00'],
    ['Composite:ImageSize', '1920x1080'],
  ])('leaves %s = %s as technical', (key, value) => {
    expect(verdict(key, value).identifying).toBe(false);
  });

  it('does not let a generic writer value hide a versioned one', () => {
    expect(verdict('Matroska:WritingApp', 'Lavf54.63.100').identifying).toBe(true);
    expect(verdict('Track1:CompressorName', 'Lavc58.134.100 libx264').identifying).toBe(true);
  });
});

describe('tag helpers', () => {
  it('splits keys and flattens values', () => {
    expect(splitTagKey('XMP-dc:Title')).toEqual({ group: 'XMP-dc', name: 'Title' });
    expect(tagValueToString(['isom', 'avc1'])).toBe('isom, avc1');
    expect(tagValueToString({ rawValue: '2019:11:18' })).toBe('2019:11:18');
    expect(tagValueToString(12)).toBe('12');
  });
});
