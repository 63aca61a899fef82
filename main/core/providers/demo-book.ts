import type { SeedFile } from './seed-file.js';

/**
 * The demo loyalty book loaded on the first start with an empty data directory, so that the app
 * does something real out of the box. Listed in the README; replace it with `--seed FILE`.
 */
export const DEMO_BOOK: SeedFile = {
  rules: { maxBonusShare: 0.5, cashbackPercent: 5 },
  guests: [
    { id: 'g-1', fullName: 'Иванов Иван Иванович', phone: '79990000001', qr: ['GMB-G-1001'], balance: 1500 },
    {
      id: 'g-2',
      fullName: 'Петрова Мария Сергеевна',
      phone: '79990000002',
      card: '4276000000000002',
      qr: ['GMB-G-1002'],
      balance: 300,
    },
    { id: 'g-3', fullName: 'Сидоров Пётр Алексеевич', phone: '79990000003', qr: ['GMB-G-1003'], balance: 0 },
  ],
  giftVouchers: [
    { id: 'v-1', guestId: 'g-1', name: 'Капучино', productCode: '1001', points: 200, qr: 'GMB-V-5001' },
    { id: 'v-2', guestId: 'g-1', name: 'Десерт дня', productCode: '1002', points: 350, qr: 'GMB-V-5002' },
    { id: 'v-3', guestId: 'g-2', name: 'Лимонад', productCode: '1003', points: 150, qr: 'GMB-V-5003' },
  ],
  waiters: [
    { name: 'Анна', pin: '1111' },
    { name: 'Борис', pin: '2222' },
  ],
};
