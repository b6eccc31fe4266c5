import { Document } from 'yaml'
import type { Protocol } from '../protocol/types.js'
import { type MotionExamples, motionExamples } from './motion-examples.js'

/**
 * A new motion file: front matter, and every form an instruction may take,
 * as a comment the clerk replaces with the motion's own numbered list; the
 * examples cite the protocol's own paragraphs, headings and words.
 */
export function motionTemplate(meta: { title: string; mover: string; seconder?: string; protocol: string }, protocol: Protocol): string {
  const data: Record<string, string> = { title: meta.title, mover: meta.mover }
  if (meta.seconder) data['seconder'] = meta.seconder
  data['protocol'] = meta.protocol
  return `---
${new Document(data).toString({ lineWidth: 0 })}---

<!--
Write the motion as a numbered list, the way it is read out. Paragraph
numbers are as they stand now; quoted words must occur once in the paragraph.
Straight or curly, double or single quotes all work.

${examples(motionExamples(protocol))}

An amendment to another motion names it in the front matter (amends: cwg-1)
and changes its words: In motion cwg-1, leave out "requesting" and insert
"calling, attending or requesting".
-->
`
}

/** Every form of instruction, numbered, citing the protocol's own paragraphs (forms it has nothing for are left out). */
function examples(e: MotionExamples): string {
  const forms = [
    `In paragraph ${e.paragraph}, leave out "${e.phrase}" and insert "the words put in their place".`,
    `In paragraph ${e.paragraph}, leave out "${e.word}".`,
    `In paragraph ${e.paragraph}, after "${e.word}" insert ", where appropriate,".`,
    `In paragraph ${e.paragraph}, before "${e.word}" insert "formal".`,
    `In paragraph ${e.paragraph}, at the end insert "where possible"; at the beginning insert "Normally,".`,
    `In paragraph ${e.paragraph}, leave out from "${e.from}" to the end.`,
    `In paragraph ${e.paragraph}, leave out from "${e.from}" to "${e.to}".`,
    ...(e.opening && e.openingWord ? [`In the paragraph beginning "${e.opening}", leave out "${e.openingWord}".`] : []),
    ...(e.section ? [`In section ${e.section}, leave out "${e.word}" in each place it occurs.`] : []),
    ...(e.section && e.headingWord ? [`In the heading of section ${e.section}, leave out "${e.headingWord}" and insert "${e.headingWord} and Conduct".`] : []),
    `Leave out paragraph ${e.next}.`,
    `After paragraph ${e.last} insert the new paragraphs:\n\n    > ${e.added} …\n    >\n    > …`,
    `Before paragraph ${e.paragraph} insert the new paragraph:\n\n    > …`,
    ...(e.section ? [`At the end of section ${e.section} insert the new paragraph:\n\n    > ${e.added} …`] : []),
    `Leave out paragraph ${e.next} and insert:\n\n    > …`,
    `Move paragraph ${e.paragraph} to follow paragraph ${e.next}.`,
    `It is proposed that the following is added:\n\n    > …`
  ]
  return forms.map((form, index) => `${index + 1}. ${form}${form.includes('\n') ? '\n' : ''}`).join('\n')
}
