/**
 * How much of a scene is drawn (level of detail). `full`: everything (export, golden files, a
 * screen zoomed in far enough to read). `low`: the shapes, the entities and the pods' titles,
 * without the small text nobody can read zoomed out (CSS hides it there anyway), so the first
 * picture of a large snapshot creates about half the elements. `none`: only the frame, for the
 * one render before the view knows its size (the body then mounts at the right zoom and detail,
 * never laid out twice).
 */
export type SceneDetail = 'full' | 'low' | 'none';
