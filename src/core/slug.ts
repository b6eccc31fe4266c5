const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether `slug` names a protocol file: lowercase letters, digits and single hyphens. */
export function isSlug(slug: string): boolean {
  return SLUG.test(slug)
}

/** Whether `id` can be a motion's ID: a file name in the motion's folder, with no path in it. */
export function isMotionId(id: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(id) && !id.includes('..')
}
