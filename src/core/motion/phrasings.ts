/**
 * Every way of wording an instruction that keeling reads, in one table a
 * reader can scan: the registers of UK and Commonwealth councils, of
 * legislation, of Robert's Rules and US bodies, and plain English. Each form
 * is a pattern over the instruction's words; each says which operation it
 * is, with an example (used to suggest the nearest form when an instruction
 * matches none).
 *
 * Pattern syntax: words match themselves (any case); `(a | b c)` is a
 * choice, `[…]` is optional, `@name` is a group below; `Q:name` is a quoted
 * text, `W:name` quoted words an operation finds (they may be preceded by
 * "the second", "all occurrences of" …, and followed by "in each place it
 * occurs"), `C:name` a clause citation ("paragraph 3.5", "Standing Order
 * 3(f)", "sections 4 and 5"), `B:name` new text: the block quote after the
 * instruction, or a quote at its end. Commas, colons and dashes are ignored.
 *
 * Why a table and not a parser generator: the registers differ in their
 * verbs and word order, not in structure; a table of phrasings keeps every
 * synonym visible in one place, is matched by forty lines of code, and
 * gives "did you mean" for free by comparing an instruction with each
 * form's example.
 */

/** Synonyms and noise shared by many forms. */
export const GROUPS: Record<string, string> = {
  omit: 'leave out | delete | omit | remove | strike out | strike | take out | cross out | deleting | leaving out | omitting | removing | striking out | striking | repeal | repealing | the deletion of | the omission of | the removal of | deletion of',
  put: 'insert | add | substitute | put | inserting | adding | substituting | putting | replace with | replace it with | replace them with | replacing with | replacing it with | replacing them with | and insert | and substitute | and add | and inserting | and substituting | and adding | and replace with | and replace it with | and replacing it with | the insertion of | the addition of | the substitution of | and the insertion of | and the addition of | and the substitution of | and replaced with | and replaced by',
  words: 'the words | the word | words | word | the phrase | phrase | the text | the figures | the figure | the number | the sentence | sentence | a sentence | the following sentence | the following words | the following | the expression | the term | the letters | the reference to the | the reference to | the references to | the reference | the mention of',
  is: 'is | are | be | shall be | should be | will be | to be | must be | is to be | are to be',
  gone: 'omitted | deleted | removed | struck out | struck | left out | repealed | revoked | taken out',
  instead: 'in its place | in their place | instead | therefor | in lieu | in lieu thereof | in place thereof | in its stead',
  each: 'in each place | in each case | in every case | in both cases | in each place it appears | in every place | each time | in all cases | in each instance where it occurs | in each place it occurs | in each place where it occurs | in each place they occur | in every place it occurs | in every place where it occurs | wherever it occurs | wherever they occur | wherever it appears | wherever they appear | everywhere it occurs | everywhere it appears | everywhere | each time it occurs | each time it appears | every time it occurs | every time it appears | in both places | in both places where it occurs | in both places it occurs | both occurrences | all occurrences | throughout | throughout the constitution | throughout this constitution | throughout the rule book | throughout the rulebook | throughout the rules | throughout these rules | throughout the bylaws | throughout these bylaws | throughout the by-laws | throughout these by-laws | throughout the standing orders | throughout these standing orders | throughout the document | throughout the text | on each occasion | in all places | in all instances | in each instance',
  following: 'the following | as follows | following | the following new | the new | new | a new | the following words | the words',
  unit: 'paragraph | paragraphs | clause | clauses | section | sections | subsection | subsections | sub-section | sub-paragraph | sub-paragraphs | subparagraph | article | rule | rules | item | items | standing order | standing orders | regulation | regulations | by-law | bylaw | provision | provisions | text | definition | sentence',
  end: 'the end | end | end of order | end of the order | end of standing order | end of the standing order | end of paragraph | end of clause | end of rule | end of section | end of subsection | end of the subsection | end of the rule | end of the article | end of the item | the end of the item | the end of the paragraph | the end of the clause | the end of the sentence | the end of the section | the end of the subsection | the end of the rule | the end of the article | the end of the order | the end of the standing order | the end of it | the end thereof',
  all: 'all | everything | all words | all the words | all the text | the words | the rest | the remainder | all text | any words',
  accordingly: 'accordingly | consequentially | as necessary | as appropriate | as required | sequentially'
}

/** A form of instruction: its pattern, the operation it reads as, and an example as a clerk would write it. */
export interface Form {
  pattern: string
  /** What the form does, by the operation vocabulary of types.ts (and `no-op` for "renumber accordingly"). */
  reads: 'change-sentence' | 'replace-words' | 'delete-words' | 'insert-words' | 'insert-words-at' | 'delete-range' | 'delete-clause' | 'replace-clause' | 'insert-clauses' | 'move-clause' | 'renumber-clause' | 'no-op'
  example: string
  register: 'uk-council' | 'legislation' | 'roberts' | 'plain' | 'keeling'
  /** Where new words or clauses go, for the forms that insert: after or before the words or clause, at the end or start. */
  where?: 'after' | 'before' | 'end' | 'start'
}

/**
 * Forms that change words inside a scope ("In paragraph 7.2, …", "Standing
 * Order 12 be amended by …", or the whole text when none is named). Several
 * may follow one another, joined by ";" or "and".
 */
export const WORD_FORMS: Form[] = [
  // Replace words.
  { pattern: '@omit [@words] W:words [E:words] [(in | from | of) C:scope] [and] @put [@instead] [@words] Q:insert [@instead] [E:words]', reads: 'replace-words', example: 'leave out "X" and insert "Y"', register: 'uk-council' },
  { pattern: 'for [@words] W:words [E:words] (substitute | substituting | read | insert | put | there is substituted | there shall be substituted | there be substituted | there are substituted | is substituted) [@words] Q:insert [E:words]', reads: 'replace-words', example: 'for "X" substitute "Y"', register: 'legislation' },
  { pattern: '(substitute | substituting) [@words] Q:insert for [@words] W:words [E:words]', reads: 'replace-words', example: 'substitute "Y" for "X"', register: 'legislation' },
  { pattern: '(replace | replacing | change | changing | alter | altering | amend | amending | rename | renaming | correct) [@words] W:words [E:words] [(in | of) C:scope] (with | by | to | into | for | as) [@words] Q:insert [E:words]', reads: 'replace-words', example: 'replace "X" with "Y"', register: 'plain' },
  { pattern: '(amend | alter | change) [@words] W:words [E:words] [so as] to read [@words] Q:insert', reads: 'replace-words', example: 'amend "X" to read "Y"', register: 'uk-council' },
  { pattern: '[@words] W:words [E:words] (should | shall | to | will | must | is to | be amended to | is amended to | be altered to | be changed to) read [@words] Q:insert [E:words]', reads: 'replace-words', example: '"X" should read "Y"', register: 'uk-council' },
  { pattern: '[@words] W:words [E:words] @is (replaced | substituted | changed | amended | altered | renamed) (with | by | to | into | as) [@words] Q:insert [E:words]', reads: 'replace-words', example: '"X" is replaced by "Y"', register: 'plain' },
  { pattern: '[@words] W:words [E:words] (becomes | become) Q:insert', reads: 'replace-words', example: '"X" becomes "Y"', register: 'plain' },
  // "That the words “X” in Standing Order 2(a) be deleted and replaced with “Y”".
  { pattern: '[@words] W:words [E:words] [(in | from | of) C:scope] @is @gone and (replaced | substituted) (with | by) [@words] Q:insert [E:words]', reads: 'replace-words', example: '"X" be deleted and replaced with "Y"', register: 'uk-council' },
  { pattern: '(add | insert | put) [@words] Q:insert (in place of | instead of | in lieu of | for) [@words] (W:words | U:words) [E:words]', reads: 'replace-words', example: 'add "Y" in place of "X"', register: 'uk-council' },
  // Minutes often leave single words unquoted: "Clause 2 Monday should read Wednesday".
  { pattern: '[@words] U:words [E:words] (should | shall | to | will | must) read [@words] U:insert', reads: 'replace-words', example: 'Monday should read Wednesday', register: 'uk-council' },
  { pattern: '(replace | change | alter | amend | rename | renaming) [@words] U:words [E:words] (with | to | by | as) [@words] U:insert [E:words]', reads: 'replace-words', example: 'change Monday to Wednesday', register: 'plain' },
  { pattern: '(substitute | substituting) U:insert for U:words', reads: 'replace-words', example: 'substitute Friday for Saturday', register: 'roberts' },
  // "Change date from March 20th to March 31st", "Change notice period from thirty (30) days to sixty (60) days": what is changed, named, then from … to ….
  { pattern: '(change | changing | alter | altering) [the] [U:what] from U:words to U:insert', reads: 'replace-words', example: 'change the date from March 20th to March 31st', register: 'plain' },
  { pattern: '(insert | inserting | add | adding) [@words] U:insert (after | immediately after) [@words] U:words', reads: 'insert-words', where: 'after', example: 'insert not after do', register: 'roberts' },
  { pattern: '(insert | inserting | add | adding) [@words] U:insert (before | immediately before) [@words] U:words', reads: 'insert-words', where: 'before', example: 'insert not before do', register: 'roberts' },
  // Ranges of words. Westminster's "leave out from “X” to end [of Order]" (no "the") keeps X, as its amendment papers mean it.
  { pattern: '(leave out | leaving out) from [@words] Q:after to end [of (order | paragraph | standing order | question | rule | clause)] [and] [@put [@words] Q:insert [@instead]]', reads: 'delete-range', example: 'leave out from "X" to end and insert "Y"', register: 'uk-council' },
  { pattern: '@omit [@words] from [@words] Q:from to [@words] (@end | Q:to) [inclusive] [and] [@put [@words] Q:insert [@instead]]', reads: 'delete-range', example: 'leave out from "X" to "Y"', register: 'uk-council' },
  { pattern: 'for [@words] from [@words] Q:from to [@words] (@end | Q:to) [inclusive] (substitute | substituting | insert | read | there is substituted | there shall be substituted) [@words] Q:insert', reads: 'delete-range', example: 'for the words from "X" to "Y" substitute "Z"', register: 'legislation' },
  { pattern: 'for [@words] from the (beginning | start) [of the (paragraph | subsection | section | clause | sentence)] to [@words] Q:to (substitute | substituting | insert | read | there is substituted | there shall be substituted) [@words] Q:insert', reads: 'delete-range', example: 'for the words from the beginning to "Y" substitute "Z"', register: 'legislation' },
  { pattern: '@omit [@words] from the (beginning | start) [of the (paragraph | subsection | section | clause | sentence)] to [@words] Q:to', reads: 'delete-range', example: 'omit the words from the beginning to "Y"', register: 'legislation' },
  // Punctuation or words next to other words: "omit “,” after “standing committee”".
  { pattern: '@omit [@words] Q:words (after | following) [@words] Q:anchor', reads: 'replace-words', where: 'after', example: 'omit "," after "X"', register: 'legislation' },
  { pattern: '@omit [@words] Q:words (before | preceding) [@words] Q:anchor', reads: 'replace-words', where: 'before', example: 'omit "," before "X"', register: 'legislation' },
  { pattern: '@omit @all (after | following | that follow | which follow | that follows) [@words] Q:after [and] [@put [@words] Q:insert [@instead]]', reads: 'delete-range', example: 'delete all after "X"', register: 'uk-council' },
  // Sentences by their place: "delete the last sentence of Clause 4.4", "replace the second sentence with “…”".
  { pattern: '@omit the (first | second | third | fourth | fifth | last | final) sentence [(of | in) C:scope] [entirely]', reads: 'change-sentence', example: 'delete the last sentence of clause 4.4', register: 'plain' },
  { pattern: '(replace | substitute | change) the (first | second | third | fourth | fifth | last | final) sentence [(of | in) C:scope] (with | by | to) [the following | the words | the sentence] Q:insert', reads: 'change-sentence', example: 'replace the second sentence of clause 3.1 with "…"', register: 'plain' },
  { pattern: 'for the (first | second | third | fourth | fifth | last | final) sentence [(of | in) C:scope] substitute [the following] Q:insert', reads: 'change-sentence', example: 'for the first sentence substitute "…"', register: 'legislation' },
  // A passage named by its first and last words: "Delete the parenthetical paragraph … that begins with “(* According to” and ends with “… each year.)”".
  { pattern: '@omit [the] [parenthetical | following | whole] (paragraph | sentence | passage | words | text | reference | phrase | clause | statement) (that | which) (begins | starts | opens) with Q:from and (ends | finishes | closes) with Q:to', reads: 'delete-range', example: 'delete the sentence that begins with "X" and ends with "Y"', register: 'roberts' },
  // Leave words out.
  { pattern: '@omit [@words] W:words [E:words] [(in | from | of) C:scope]', reads: 'delete-words', example: 'leave out "X"', register: 'uk-council' },
  { pattern: '@omit [the] (sentence | paragraph | words | text | clause) [C:ignored] (which reads | that reads | reading | which says | that says) [@words] W:words [(in | from | of) C:scope]', reads: 'delete-words', example: 'delete the sentence which reads "X"', register: 'roberts' },
  { pattern: '[@words] W:words [E:words] @is @gone [E:words]', reads: 'delete-words', example: 'the words "X" are omitted', register: 'legislation' },
  // Insert words.
  { pattern: '(after | immediately after | following) [@words] W:words [E:words] (insert | add | inserting | adding | put | there shall be inserted | there is inserted | there be inserted) [@words] Q:insert', reads: 'insert-words', where: 'after', example: 'after "X" insert "Y"', register: 'legislation' },
  { pattern: '(before | immediately before | preceding) [@words] W:words [E:words] (insert | add | inserting | adding | put | there shall be inserted | there is inserted | there be inserted) [@words] Q:insert', reads: 'insert-words', where: 'before', example: 'before "X" insert "Y"', register: 'legislation' },
  { pattern: '(insert | add | inserting | adding | put | the insertion of | the addition of) [@words] Q:insert (after | immediately after | following) [@words] W:words [E:words]', reads: 'insert-words', where: 'after', example: 'insert "Y" after "X"', register: 'roberts' },
  { pattern: '(insert | add | inserting | adding | put | the insertion of | the addition of) [@words] Q:insert (before | immediately before | preceding) [@words] W:words [E:words]', reads: 'insert-words', where: 'before', example: 'insert "Y" before "X"', register: 'roberts' },
  { pattern: '[@words] Q:insert (to be | be | is | are | shall be) (inserted | added) (after | immediately after) [@words] W:words [E:words]', reads: 'insert-words', where: 'after', example: '"Y" be inserted after "X"', register: 'uk-council' },
  { pattern: '[@words] Q:insert (to be | be | is | are | shall be) (inserted | added) (before | immediately before) [@words] W:words [E:words]', reads: 'insert-words', where: 'before', example: '"Y" be inserted before "X"', register: 'uk-council' },
  { pattern: 'at the end [of the (paragraph | clause | sentence | section | subsection | rule | article | item | order | standing order)] (insert | add | inserting | adding | put) [@words] Q:insert', reads: 'insert-words-at', where: 'end', example: 'at the end insert "Y"', register: 'legislation' },
  { pattern: 'at the (beginning | start) [of the (paragraph | clause | sentence | section | subsection | rule | article | item | order | standing order)] (insert | add | inserting | adding | put) [@words] Q:insert', reads: 'insert-words-at', where: 'start', example: 'at the beginning insert "Y"', register: 'legislation' },
  { pattern: '(insert | add | inserting | adding | put) [@words] Q:insert at the end [of the (paragraph | clause | sentence | section | subsection | rule | article | item | order | standing order)]', reads: 'insert-words-at', where: 'end', example: 'add "Y" at the end', register: 'roberts' },
  { pattern: '(insert | add | inserting | adding | put) [@words] Q:insert at the (beginning | start) [of the (paragraph | clause | sentence | section | subsection | rule | article | item | order | standing order)]', reads: 'insert-words-at', where: 'start', example: 'insert "Y" at the beginning', register: 'roberts' },
  { pattern: '(insert | add | inserting | adding) at the end [@words] Q:insert', reads: 'insert-words-at', where: 'end', example: 'add at the end "Y"', register: 'uk-council' },
  { pattern: '(insert | add | inserting | adding) at the (beginning | start) [@words] Q:insert', reads: 'insert-words-at', where: 'start', example: 'insert at the beginning "Y"', register: 'uk-council' },
  { pattern: '(insert | inserting | add | adding) [@words] Q:insert at the end of the (motion | main motion | resolution | paragraph | sentence | text | clause)', reads: 'insert-words-at', where: 'end', example: 'add "Y" at the end of the motion', register: 'roberts' },
  { pattern: '(add | adding | append | appending | there shall be added | there is added | there be added) [@words] Q:insert', reads: 'insert-words-at', where: 'end', example: 'add "Y"', register: 'plain' }
]

/**
 * Where the words of WORD_FORMS are: before them ("In paragraph 7.2,",
 * "Standing Order 12 be amended by", "Subsection 273(17)") or after them
 * ("… in paragraph 7.2").
 */
export const SCOPE_LEADS: string[] = [
  'at the end of C:scope',
  'at the (beginning | start) of C:scope',
  'in each of C:scope',
  'in the heading (of | to) C:scope',
  'in the (title | heading) [of C:scope]',
  'in the (paragraph | clause | sentence | item) (beginning | starting | that begins | which begins) [with] Q:opening',
  'in motion WORD:motion',
  // The chapeau, as legislation names it: "in paragraph (5), in the words before sub-paragraph (a), …".
  'in the (words | text) (before | preceding) C:part',
  'in the (opening | introductory) words',
  '[that] [in] C:scope (is | be | shall be | should be | to be | will be) [hereby | further] amended [as follows] [by]',
  '[that] (amend | amending) C:scope [as follows] [by]',
  '[that] in C:scope [by]',
  'C:scope'
]

export const SCOPE_TAILS: string[] = ['(in | from | of | to | within | at the end of) C:scope', 'in the heading (of | to) C:scope']

/** Forms that change clauses whole. */
export const CLAUSE_FORMS: Form[] = [
  // Renumbering.
  { pattern: '[and] renumber [the] [remaining | subsequent | following | other | consequent] [@unit] [@accordingly]', reads: 'no-op', example: 'renumber the paragraphs accordingly', register: 'uk-council' },
  { pattern: '[with] [the] [remaining | subsequent | following | other] [@unit] (to be | be | being) renumbered [@accordingly]', reads: 'no-op', example: 'the remaining paragraphs to be renumbered accordingly', register: 'uk-council' },
  { pattern: '[and] (consequential | consequent | any consequential) renumbering', reads: 'no-op', example: 'consequential renumbering', register: 'uk-council' },
  { pattern: 'renumber C:clause (as | to | to be) C:number', reads: 'renumber-clause', example: 'renumber paragraph 9.2 as 9.1', register: 'uk-council' },
  { pattern: 'C:clause (is | be | shall be | to be) renumbered [as | to] C:number', reads: 'renumber-clause', example: 'paragraph 9.2 be renumbered 9.1', register: 'uk-council' },
  // Moving.
  { pattern: 'move C:clause [so as] to (follow | come after | be after | stand after | after | go after) C:after', reads: 'move-clause', example: 'move paragraph 3.5 to follow paragraph 3.7', register: 'keeling' },
  { pattern: 'move C:clause [so as] to (precede | come before | be before | stand before | before | go before) C:before', reads: 'move-clause', example: 'move paragraph 3.5 to precede paragraph 3.2', register: 'plain' },
  { pattern: 'move C:clause (after | below | following) C:after', reads: 'move-clause', example: 'move paragraph 3.5 after paragraph 3.7', register: 'plain' },
  { pattern: 'move C:clause (before | above | ahead of) C:before', reads: 'move-clause', example: 'move paragraph 3.5 before paragraph 3.2', register: 'plain' },
  { pattern: 'C:clause @is moved [so as] to (follow | come after | be after | after) C:after', reads: 'move-clause', example: 'paragraph 3.5 be moved to follow paragraph 3.7', register: 'uk-council' },
  { pattern: 'C:clause @is moved [so as] to (precede | come before | be before | before) C:before', reads: 'move-clause', example: 'paragraph 3.5 be moved to precede paragraph 3.2', register: 'uk-council' },
  // Replacing a clause.
  { pattern: '@omit C:clause [and] @put [@following] [@unit] [C:number] [@instead] [to read] [@following] B:text', reads: 'replace-clause', example: 'leave out paragraph 2.1 and insert: > …', register: 'uk-council' },
  { pattern: 'for C:clause (substitute | insert | read | put) [@following] [@unit] [C:number] B:text', reads: 'replace-clause', example: 'for paragraph (b) substitute— > …', register: 'legislation' },
  { pattern: '(substitute | substituting) for C:clause [@following] [@unit] B:text', reads: 'replace-clause', example: 'substitute for Section 2 the following paragraph: "…"', register: 'roberts' },
  { pattern: 'substitute [@following] [@unit] for C:clause B:text', reads: 'replace-clause', example: 'substitute the following for paragraph 3: > …', register: 'legislation' },
  { pattern: '[that] (amend | change | alter | revise | rewrite) C:clause [so as] to read [@following] B:text', reads: 'replace-clause', example: 'amend section 5.13 to read: > …', register: 'roberts' },
  { pattern: '[that] C:clause @is (amended | altered | changed | revised | rewritten | replaced) [so as] to read [@following] B:text', reads: 'replace-clause', example: 'paragraph 3.4 be amended to read: > …', register: 'uk-council' },
  { pattern: '[that] C:clause (should | shall | to | will | must | would) (read | now read | henceforth read) [@following] B:text', reads: 'replace-clause', example: 'paragraph 3.4 to read: > …', register: 'uk-council' },
  { pattern: '(replace | change) [the text of | the wording of] C:clause (with | by | to) [@following] [@unit] [C:number] B:text', reads: 'replace-clause', example: 'replace clause 7 with: > …', register: 'plain' },
  { pattern: '[the text of] C:clause @is (replaced | substituted) [in its entirety | in full | entirely | completely | wholly] (with | by) [@following] [@unit] B:text', reads: 'replace-clause', example: 'section 4 is replaced by the following: > …', register: 'plain' },
  { pattern: '(strike out | strike | delete | repeal) C:clause [and] (insert | substitute | add) [in lieu thereof] [@following] [@unit] B:text', reads: 'replace-clause', example: 'strike out section 4 and insert: > …', register: 'roberts' },
  { pattern: 'repeal the (@unit) [and] substitute [@following] B:text', reads: 'replace-clause', example: 'Subsection 4(2) Repeal the subsection, substitute: > …', register: 'legislation' },
  // Leaving clauses out.
  { pattern: '@omit C:clauses [entirely | in its entirety | in their entirety | altogether | completely | in full]', reads: 'delete-clause', example: 'leave out paragraph 3.5', register: 'uk-council' },
  { pattern: 'C:clauses (strike | strike out | delete | omit | remove) [entirely | in its entirety | in their entirety | altogether | completely]', reads: 'delete-clause', example: 'A.1.4. Strike in its entirety', register: 'plain' },
  { pattern: 'C:clause (rename | renumber | renumbered) (to | as) C:number', reads: 'renumber-clause', example: 'A.1.7. Rename to A.1.5.', register: 'plain' },
  { pattern: '[that] C:clauses @is @gone [entirely | in its entirety | in their entirety | altogether]', reads: 'delete-clause', example: 'paragraph (c) is omitted', register: 'legislation' },
  { pattern: '(repeal | revoke) [the] (@unit)', reads: 'delete-clause', example: 'Subsection 4(2) Repeal the subsection.', register: 'legislation' },
  // Inserting clauses.
  { pattern: '(after | following | immediately after) C:place (insert | add | there shall be inserted | there is inserted | there be inserted | inserting | adding) [@following] [@unit] [C:number] [to read] [@following] B:text', reads: 'insert-clauses', where: 'after', example: 'after paragraph 3.6 insert the new paragraphs: > …', register: 'legislation' },
  { pattern: '(before | preceding | immediately before) C:place (insert | add | there shall be inserted | there is inserted | there be inserted | inserting | adding) [@following] [@unit] [C:number] [to read] [@following] B:text', reads: 'insert-clauses', where: 'before', example: 'before paragraph 4.1 insert: > …', register: 'legislation' },
  { pattern: '(insert | add | inserting | adding) [@following] [@unit] [C:number] (after | following | immediately after) C:place [to read] [@following] B:text', reads: 'insert-clauses', where: 'after', example: 'insert the following after clause 7: > …', register: 'plain' },
  { pattern: '(insert | add | inserting | adding) [@following] [@unit] [C:number] (before | preceding | immediately before) C:place [to read] [@following] B:text', reads: 'insert-clauses', where: 'before', example: 'insert the following before clause 7: > …', register: 'plain' },
  { pattern: 'at the end of C:end (insert | add | there shall be added | there is added | inserting | adding) [@following] [@unit] [C:number] [to read] [@following] B:text', reads: 'insert-clauses', example: 'at the end of section 3 insert: > …', register: 'legislation' },
  { pattern: '(insert | add | inserting | adding) [@following] [@unit] [C:number] at the end of C:end [to read] [@following] B:text', reads: 'insert-clauses', example: 'add the following at the end of section 3: > …', register: 'roberts' },
  { pattern: 'there (shall be | is | be) (inserted | added) [after C:place] [@following] [@unit] [C:number] B:text', reads: 'insert-clauses', where: 'after', example: 'there shall be inserted the following paragraph— > …', register: 'legislation' },
  { pattern: '(insert | add | inserting | adding) [@following] [@unit] C:number [to read] [@following] B:text', reads: 'insert-clauses', example: 'add a new clause 8: > …', register: 'plain' },
  { pattern: '[it is proposed that] [@following] [@unit] (is | be | are | shall be) (added | inserted) [after C:place] B:text', reads: 'insert-clauses', where: 'after', example: 'It is proposed that the following is added: > …', register: 'uk-council' },
  // "Be it resolved that the following be added as Article 17.6 of the Bylaws:" — the new clause's number is its place.
  { pattern: '[it is proposed that] [@following] [@unit] (is | be | are | shall be) (added | inserted) as [a] [new] [@unit] C:number [to read] [@following] B:text', reads: 'insert-clauses', example: 'the following be added as Article 17.6: > …', register: 'roberts' },
  { pattern: '[it is proposed that] [@following] [@unit] (is | be | are | shall be) (added | inserted) before C:place B:text', reads: 'insert-clauses', where: 'before', example: 'the following be inserted before paragraph 2: > …', register: 'uk-council' },
  { pattern: '[it is proposed that] [@following] [@unit] (is | be | are | shall be) (added | inserted) at the end of C:end B:text', reads: 'insert-clauses', example: 'the following be added at the end of section 2: > …', register: 'uk-council' },
  { pattern: '(insert | add | inserting | adding) [@following] [@unit] [at the end] B:text', reads: 'insert-clauses', example: 'add the following new paragraph: > …', register: 'plain' }
]

/** Words a motion may open an instruction with, that say nothing about what it does. */
export const PREAMBLES: string[] = [
  'that', 'to', 'resolved that', 'it is resolved that', 'council resolves that', 'the council resolves that', 'motion', 'amendment', 'proposed amendment',
  'i move that', 'we move that', 'move that', 'i move to', 'we move to', 'move to', 'i move to amend by', 'move to amend by', 'i move to amend the motion by',
  'i move to amend the main motion by', 'i move to amend the resolution by', 'move to amend the motion by', 'i move that the motion be amended by', 'amend by', 'to amend by', 'so',
  'i move to amend that resolution by', 'i move to amend this resolution by', 'i move to amend the bylaws by', 'that it be amended by', 'it be amended by',
  'we should', 'i propose that we', 'i propose to', 'we propose to', 'proposal', 'proposed',
  // A committee's report moves the amendment for it: "The committee recommends that it be amended by …".
  'moved that', 'it was moved that', 'it was resolved that', 'it was unanimously resolved that', 'it was agreed that', 'it was unanimously agreed that', 'therefore be it resolved that', 'now therefore be it resolved that', 'be it resolved that', 'be it further resolved that',
  'therefore be it resolved', 'be it resolved', 'resolved further that', 'resolved', 'motion made that', 'question proposed that',
  'the committee recommends that', 'the board recommends that', 'the working group recommends that', 'it is recommended that', 'recommends that'
]

/**
 * A renumbering said after the change, in the same sentence or the next: "… as follows: “…” And that following
 * sections (and references to those sections) be renumbered accordingly." keeling renumbers (and keeps references
 * right) itself, so these say nothing more; only words, never a citation ("renumber paragraph 9.2 as 9.1" is a change).
 */
export const RENUMBERINGS: string[] = [
  'and [that] [the] [remaining | subsequent | following | other | later] [@unit] [and references to (those | these | the | such) [@unit] | and references to them | and all references] (to be | be | being | are | shall be | will be) renumbered [@accordingly]',
  '[and] renumber [the] [remaining | subsequent | following | other | consequent | later] [@unit] [and references to (those | these | the | such) [@unit] | and references to them] [@accordingly]'
]

/**
 * Words that close an instruction and say nothing about the change: a report's "…, and that as thus amended the
 * resolution be adopted" (Robert's Rules), read as word tokens in this order.
 */
export const CLOSINGS: string[] = [
  'and that as thus amended the resolution be adopted', 'and that as thus amended the motion be adopted', 'and that as amended the resolution be adopted',
  'and that as amended the motion be adopted', 'and that as so amended the resolution be adopted', 'and that the resolution as amended be adopted',
  'and that the motion as amended be adopted', 'and that as thus amended it be adopted', 'and that as amended it be adopted'
]
