/**
 * The commented PAPER.yml that `keeling paper --init` writes. The required
 * fields are left empty, so a paper cannot be made from the template by
 * mistake: each empty field is reported with its line and the form it takes.
 */
export function paperTemplate(options: { slug?: string; title?: string; range?: string } = {}): string {
  const command = `keeling paper ${options.slug ?? 'SLUG'} ${options.range ?? '--from VERSION --to VERSION'} --meta THIS-FILE --format html -o paper.html`
  return `# What only you know about this committee report. keeling writes the rest from its
# records: the account of the motions (movers, decisions, votes, dates), the wordings
# that competed, the differences between the versions in sentences, and the appendix
# of tracked changes. Paragraphs are numbered 1, 2, 3 ... through the report.
#
#   ${command}
#
# Text is Markdown. A field with a list (- ...) gives one numbered paragraph per item.
# The fields marked (required) must be filled in; the others can be left out.

# The committee or council the report goes to (required), e.g. Council
committee:

# The date of the meeting (required), e.g. 2017-05-16 or 16 May 2017
date:

# The item's number on the agenda, e.g. 18
# agenda-item:

# The report's title (required), e.g. Member Officer Protocol
title:${options.title ? ` ${yamlScalar(options.title)}` : ''}

# Who wrote the report (required), e.g. Head of Legal Services – A. Name
author:

# Whether the committee is asked to decide: yes or no (required)
for-decision:

# What the committee is asked to do (required): a paragraph, or a list of them.
recommendation:

# Paragraphs added to the summary, after keeling's account of the motions.
# summary:
#   - As explained below, the changes do not fully reflect the amendments moved by Cllr Name.

# Paragraphs that open the background, before keeling's account of the motions.
# background:
#   - As part of its constitution, the Council has a member/officer protocol.

# What someone said about a motion (by its ID) or a changed clause (by its number),
# printed after keeling's account of it.
# comments:
#   motion-id: Cllr Name has indicated that he is happy with the way his amendment was incorporated.
#   "7.2": This is the one substantive change.

# One section each, in this order, e.g. Financial: None.
# implications:
#   Financial: None.
#   Legal: None.

# The impact table: area and impact.
# impact:
#   Equalities: None.
#   Workforce/Workplace: Employees will need briefing about the revisions.

# The risk table: each risk with likelihood and impact (1 to 4) and mitigating actions.
# risks:
#   - risk: That members and officers do not work together in a constructive manner.
#     likelihood: 2
#     impact: 3
#     mitigation: Approval of a clear protocol and awareness of its content.

# Who was consulted on the report, and whether.
# consulted:
#   Portfolio Holder: Yes
#   Chief Executive: Yes

# The wards affected, e.g. All
# wards: All

# The papers referred to in writing the report, or None.
# background-papers:
#   - Report to Council meeting on 4 April 2017

# The contact officer: name, and optionally role, email and phone.
# contact:
#   name: A. Name
#   email: a.name@example.gov.uk
#   phone: 01234 567890

# The appendix's title; keeling names it from the versions when left out.
# appendix: "Appendix B: Proposed Draft"

# The council's name at the head of the paper; the protocol's body: when left out.
# council: Uttlesford District Council
`
}

/** A string as a YAML scalar: plain when safe, else double-quoted. */
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][^:#\n]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text)
}
