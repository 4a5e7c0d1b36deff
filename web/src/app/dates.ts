// Calendar dates and months of the parents' app: their math and their display in the
// current language are ../shared/dates's (the admin shows them too).
export * from '../shared/dates';
