import { Document } from 'yaml'

/**
 * A new motion file: front matter, and every form an instruction may take,
 * as a comment the clerk replaces with the motion's own numbered list.
 */
export function motionTemplate(meta: { title: string; mover: string; seconder?: string; protocol: string }): string {
  const data: Record<string, string> = { title: meta.title, mover: meta.mover }
  if (meta.seconder) data['seconder'] = meta.seconder
  data['protocol'] = meta.protocol
  return `---
${new Document(data).toString({ lineWidth: 0 })}---

<!--
Write the motion as a numbered list, the way it is read out. Paragraph
numbers are as they stand now; quoted words must occur once in the paragraph.
Straight or curly, double or single quotes all work.

1. In paragraph 7.2, leave out "calling or attending" and insert "requesting".
2. In paragraph 7.2, leave out "in the furtherance of".
3. In paragraph 7.2, after "confidential" insert ", commercially sensitive".
4. In paragraph 7.2, before "meetings" insert "formal".
5. In paragraph 7.2, at the end insert "where possible"; at the beginning insert "Normally,".
6. In paragraph 3.5, leave out from "A member should not" to the end.
7. In paragraph 3.5, leave out from "Particularly" to "working hours".
8. In the paragraph beginning "Nothing in this protocol", leave out "calling or attending".
9. In section 3, leave out "Cabinet" and insert "Executive".
10. In the heading of section 2, leave out "Role" and insert "Roles".
11. Leave out paragraph 3.5.
12. After paragraph 3.6 insert the new paragraphs:

    > 3.7 In their dealings with officers, members need to be aware …
    >
    > 3.8 A member should not apply any pressure on an officer …

13. Before paragraph 4.1 insert the new paragraph:

    > Close working relationships are to be encouraged.

14. At the end of section 3 insert the new paragraph:

    > 3.10 Members should approach officers of appropriate seniority …

15. Leave out paragraph 2.1 and insert:

    > Members are democratically elected …

16. Move paragraph 3.5 to follow paragraph 3.7.
17. It is proposed that the following is added:

    > Officers should respect the right of members to make decisions …

An amendment to another motion names it in the front matter (amends: cwg-1)
and changes its words: In motion cwg-1, leave out "requesting" and insert
"calling, attending or requesting".
-->
`
}
