/** English messages. The key set here is the contract every language fills. */
export const en = {
  'welcome.title': 'Welcome to Polku',
  'welcome.personal':
    'I help your organisation run mentoring: I walk each pair through agreeing how they work, book your meetings in working time and remind you before each one. What you talk about stays between you.',
  'welcome.team':
    'Hello, {team}! I run this team’s mentoring programmes. A supervisor can announce a programme here, and colleagues volunteer as mentor or mentee from the card.',
  'welcome.next': 'Type **help** any time to see what I can do.',
  'help.title': 'What Polku does',
  'help.intro':
    'Mentoring shares know-how between colleagues: a mentor and a mentee meet 45–60 minutes about once a month in working time.',
  'help.mentors.title': 'For mentors',
  'help.mentors.body':
    'Agree the ground rules with your mentee, get a reminder with the join link before each meeting, and decide together at the checkpoint whether to continue.',
  'help.aktoris.title': 'For mentees',
  'help.aktoris.body':
    'Your questions and goals decide what the mentoring is about. You write 1–2 goals; your supervisor sees those goals and nothing else.',
  'help.supervisors.title': 'For supervisors',
  'help.supervisors.body':
    'Announce a programme in a channel, see who volunteered, form the pairs with explained suggestions, and follow goals and rhythm on the dashboard — never the content of conversations.',
  'help.commands.title': 'Commands',
  'help.commands.help': '**help** — this card',
  'help.confidential':
    'Conversations are confidential: Polku never asks for or stores what a pair talks about.',
  'unknown.text': 'I didn’t quite catch that. Type **help** to see what I can do.',
  'error.generic':
    'Something went wrong on my side and nothing was changed. Please try again in a moment. (Reference: {ref})',
  'error.unavailable':
    'I can’t reach my storage right now, so nothing was saved. Please try again in a minute. (Reference: {ref})',
  'error.busy': 'I’m busy right now. Please try again in a few seconds. (Reference: {ref})',
  'action.unknown': 'That button is no longer in use. Type **help** to see what I can do now.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
