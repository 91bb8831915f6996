import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON file of R reference values, failing loudly when it is missing. */
export function loadReference<T>(relativeUrl: string): T {
  const path = fileURLToPath(new URL(relativeUrl, import.meta.url));
  if (!existsSync(path)) {
    throw new Error(
      `R reference values not found at ${path}; the statistics tests need this file.`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

type Pair = [number, number];

export interface SharedReference {
  continuous: {
    shape: string;
    control: number[];
    treatment: number[];
    welch: { statistic: number; df: number; pValue: number; difference: number; ci: Pair };
    mannWhitney: { u: number; pValue: number; method: 'exact' | 'asymptotic' };
  }[];
  binary: {
    control: { successes: number; n: number };
    treatment: { successes: number; n: number };
    fisher: { pValue: number };
    wilson: { control: Pair; treatment: Pair };
    newcombe: { difference: number; ci: Pair };
  }[];
  srm: { counts: number[]; weights: number[]; statistic: number; pValue: number }[];
  adjust: { p: number[]; holm: number[]; bh: number[] }[];
  tQuantile: { df: number; p: number; t: number }[];
}

interface RatioArmReference {
  n: number;
  ratio: number;
  varianceOfRatio: number;
}

export interface ExtraReference {
  ratio: {
    level: number;
    treatment: { numerators: number[]; denominators: number[] };
    control: { numerators: number[]; denominators: number[] };
    treatmentArm: RatioArmReference;
    controlArm: RatioArmReference;
    difference: {
      estimate: number;
      se: number;
      statistic: number;
      df: number;
      pValue: number;
      ci: Pair;
    };
  }[];
  mannWhitney: {
    treatment: number[];
    control: number[];
    u: number;
    pValue: number;
    method: 'exact' | 'asymptotic';
  }[];
  fisher: { successesT: number; nT: number; successesC: number; nC: number; pValue: number }[];
  adjust: { p: number[]; holm: number[]; bh: number[] }[];
  srm: { counts: number[]; weights: number[]; statistic: number; df: number; pValue: number }[];
  tQuantile: { p: number; df: number; t: number }[];
  welch: {
    treatment: number[];
    control: number[];
    level: number;
    statistic: number;
    df: number;
    pValue: number;
    estimate: number;
    ci: Pair;
    se: number;
  }[];
  wilson: { successes: number; n: number; level: number; ci: Pair }[];
  summary: {
    values: number[];
    level: number;
    mean: number;
    sd: number;
    median: number;
    ci: Pair;
  }[];
}

export const sharedReference = (): SharedReference =>
  loadReference<SharedReference>('../../../shared/reference/stats-r.json');

export const extraReference = (): ExtraReference =>
  loadReference<ExtraReference>('../fixtures/r-stats-extra.json');
