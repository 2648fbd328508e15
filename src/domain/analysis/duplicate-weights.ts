/**
 * The learned weights of the duplicate model (see DuplicateWeights in similarity.ts), one for
 * each of PAIR_FEATURES in order. Written by `npx tsx scripts/train-duplicates.ts --write` from
 * the development journeys; do not edit by hand (a test checks that training gives these again).
 */
import type { DuplicateWeights } from "./similarity";

export const DUPLICATE_WEIGHTS: DuplicateWeights = {
  bias: -4.9842,
  features: [
    2.3308, 3.464, 1.057, 0.5122, -0.4673, 0.1103, -0.2267, 0.5665, 0.9464, 0.7758, -0.3171,
    -0.2988, 0.177, 2.4148,
  ],
  threshold: 0.3,
  link: 0.2,
};
