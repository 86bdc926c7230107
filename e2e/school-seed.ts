// The instructor and the car most e2e schools start with, as request bodies: Priya Sharma, in-car every day
// from 8:00 to 18:00 with her checks current, and the Honda Civic CDEF 123 insured and inspected well ahead.
import { torontoDate } from './school-time';

export function instructorPriya() {
  return {
    first_name: 'Priya',
    last_name: 'Sharma',
    di_licence_number: 'DI-40021',
    di_licence_expiry: '2029-03-31',
    criminal_check_date: torontoDate(-300),
    driver_abstract_date: torontoDate(-200),
    authorised_in_car: true,
    availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 8 * 60, end_minute: 18 * 60 })),
  };
}

export function carCivic() {
  return { plate: 'CDEF 123', vin: '2HGFC2F59JH000001', make: 'Honda', model: 'Civic', year: 2022, transmission: 'automatic', insurance_expiry: torontoDate(300), inspection_expiry: torontoDate(200), odometer_km: 41200 };
}
