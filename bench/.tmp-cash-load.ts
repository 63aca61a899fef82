import { CASH, measure } from './rounds.js';
const url = process.argv[2] as string;
const seconds = Number(process.argv[3] ?? 5);
const m = await measure(CASH.options({ bare: '', koaPeer: '', waiter: `${url}/GetMeBack` }), seconds);
console.log(JSON.stringify(m));
