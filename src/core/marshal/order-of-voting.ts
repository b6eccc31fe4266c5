import type { MarshalledMotion, VotingOrder, VotingStep } from './types.js'

/**
 * The order in which the amendments are put: an amendment to an amendment
 * before the amendment it amends (deepest first), each amendment to the text
 * in the order of the text (`text`, the marshalled list's order) or in the
 * order it was tabled (`tabled`: its tabled date, then its motion ID).
 */
export function orderOfVoting(motions: MarshalledMotion[], order: VotingOrder): VotingStep[] {
  const childrenOf = (number: number): MarshalledMotion[] => motions.filter((motion) => motion.parent === number)
  const roots = childrenOf(0)
  const tabled = (motion: MarshalledMotion): string => `${motion.tabled.date || '9999-99-99'} ${motion.id}`
  const ordered = order === 'tabled' ? [...roots].sort((a, b) => tabled(a).localeCompare(tabled(b))) : roots
  const steps: VotingStep[] = []
  const put = (motion: MarshalledMotion): void => {
    const children = childrenOf(motion.number)
    for (const child of order === 'tabled' ? [...children].sort((a, b) => tabled(a).localeCompare(tabled(b))) : children) put(child)
    steps.push({ number: motion.number, id: motion.id, amends: motion.parent })
  }
  for (const root of ordered) put(root)
  return steps
}

/** The rule an order of voting follows, as a chair would state it. */
export function votingRule(order: VotingOrder): string {
  const first =
    order === 'text'
      ? 'Amendments are put in the order of the text they amend, as on the marshalled list.'
      : 'Amendments are put in the order in which they were tabled (by the date tabled, then by name), as standing orders that take amendments in the order of notice require.'
  return `${first} An amendment to an amendment is put before the amendment it amends, and every amendment before the substantive motion, which is then put as amended by the amendments carried. An amendment that a carried amendment has made impossible to apply falls and is not put.`
}
