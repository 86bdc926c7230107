// The calendar feature's public face: its two screens.
export { CalendarPage } from './components/calendar-page';
export { DaySheetPage } from './components/day-sheet-page';
