/** TODO(export): SVG, PNG, JSON and embed code. */
export function ExportMenu() {
  return null;
}
