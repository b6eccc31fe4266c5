const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The longest slug or motion ID: a file name with room for keeling's own suffixes (`.lock.break.<token>`). */
export const MAX_NAME_LENGTH = 120

/** Whether `slug` names a protocol file: lowercase letters, digits and single hyphens, at most 120 characters. */
export function isSlug(slug: string): boolean {
  return slug.length <= MAX_NAME_LENGTH && SLUG.test(slug)
}

/** Whether `id` can be a motion's ID: a file name in the motion's folder, with no path in it. */
export function isMotionId(id: string): boolean {
  return id.length <= MAX_NAME_LENGTH && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(id) && !id.includes('..')
}
