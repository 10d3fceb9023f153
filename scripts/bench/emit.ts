/**
 * One benchmark result as a contract §6 line on stdout:
 * `{"bench", "metric", "value", "unit", "target", "ok"}`; values rounded to 0.001.
 */
export function emit(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  target: number,
  ok: boolean,
): void {
  console.log(
    JSON.stringify({ bench, metric, value: Math.round(value * 1000) / 1000, unit, target, ok }),
  );
}
