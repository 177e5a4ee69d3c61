export { isMaskOf, maskAnswer, maskValue, type MaskRule } from './mask.ts';
