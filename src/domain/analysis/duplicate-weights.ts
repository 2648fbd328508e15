/**
 * The learned weights of the duplicate model (see DuplicateWeights in similarity.ts), one for
 * each of PAIR_FEATURES in order. Written by `npx tsx scripts/train-duplicates.ts --write` from
 * the development journeys; do not edit by hand (a test checks that training gives these again).
 */
import type { DuplicateWeights } from "./similarity";

export const DUPLICATE_WEIGHTS: DuplicateWeights = {
  bias: -5.2327,
  features: [
    3.0606, 3.9389, 1.1454, 0.3306, -0.2504, 0.1372, -0.4185, 0.4269, 0.6071, 0.6807, -0.2382,
    -0.0456, 0.1576, 2.734,
  ],
  threshold: 0.4,
  link: 0.25,
};
