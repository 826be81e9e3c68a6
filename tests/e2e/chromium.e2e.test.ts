import { describe } from 'vitest';
import { defineAppSpecs } from './appSpecs';
import { launchInChromium } from './launchChromium.node';

describe('renderer in Chromium, real services over the test bridge', () => {
  defineAppSpecs(launchInChromium, { supportsDeniedCamera: true, supportsMissingCamera: true, supportsSyntheticDrop: true });
});
