/** English: closing a programme and deleting its data (owners only). Keys here are part of the contract in ../en.ts. */
export const lifecycleEn = {
  'lifecycle.title': 'Closing and data',
  'lifecycle.status.open': 'Status: open. People can sign up, and pairs can be formed.',
  'lifecycle.status.closed':
    'Status: closed on {date}. No new sign-ups or pairs; pairs already meeting carry on.',
  'lifecycle.close': 'Close programme',
  'lifecycle.closeHint':
    'Closing stops sign-ups and new pairs. Pairs already meeting carry on, and their meetings stay booked.',
  'lifecycle.closeDialog.title': 'Close {name}?',
  'lifecycle.closeDialog.body':
    'Nobody can sign up any more and no new pairs are formed. The announcement in the channel will say the programme has closed. Pairs already meeting carry on. A closed programme cannot be opened again.',
  'lifecycle.closeDialog.confirm': 'Close programme',
  'lifecycle.closing': 'Closing…',
  'lifecycle.closedNow': 'The programme is now closed.',
  'lifecycle.purge': 'Delete the programme’s data',
  'lifecycle.purgeHint':
    'When the pairs have finished, you can delete everything Polku holds for this programme. Only owners can do this.',
  'lifecycle.purgeDialog.title': 'Delete all data of {name}?',
  'lifecycle.purgeDialog.what':
    'This permanently deletes everything Polku holds for the programme: sign-ups, pairs, their agreements and goals, the meetings Polku recorded and their check-ins, learnings, evaluations, reminders still to come, everyone’s access to it, and the programme itself. It cannot be undone.',
  'lifecycle.purgeDialog.calendar':
    'Meetings already booked stay in people’s Outlook and Teams calendars. They can delete them there.',
  'lifecycle.purgeDialog.label': 'To confirm, type the programme’s name: {name}',
  'lifecycle.purgeDialog.confirm': 'Delete permanently',
  'lifecycle.purgeDialog.mismatch': 'The name does not match. Type it exactly as shown.',
  'lifecycle.purging': 'Deleting…',
  'lifecycle.purged.title': 'The programme’s data was deleted',
  'lifecycle.purged.body':
    'Everything Polku held for {name} has been deleted. Meetings already booked stay in people’s calendars.',
  'lifecycle.notClosed': 'Close the programme before deleting its data.',
  'lifecycle.onlyOwners': 'Only the programme’s owners can close it or delete its data.',
} as const;
