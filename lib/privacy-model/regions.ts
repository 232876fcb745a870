import { euRegions } from '../config/regions';

const EU = new Set(euRegions());

/** Whether a region (as the model records it) is an AWS Region in an EU member state. */
export function inEu(region: string): boolean {
  return EU.has(region);
}
