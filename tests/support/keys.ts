/** A keyboard event's key and modifiers, for the pure key maps of the renderer (no DOM needed). */
export type Modifier = "ctrlKey" | "metaKey" | "shiftKey" | "altKey";

export const key = (k: string, mods: Partial<Record<Modifier, boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
