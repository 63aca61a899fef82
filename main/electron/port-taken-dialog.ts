import type { Language } from '../../shared/i18n/language.js';

export interface PortTakenDialog {
  title: string;
  message: string;
  detail: string;
}

/**
 * The native box the cashier sees when the till's port is taken by another program: why iikoWaiter
 * gets no answer, and what to do. The settings screen opens behind it, on the fallback address.
 */
export function portTakenDialog(port: number, language: Language): PortTakenDialog {
  return language === 'ru'
    ? {
        title: 'GetMeBack Till',
        message: `Порт ${port} занят другой программой`,
        detail:
          `GetMeBack Till не может принимать запросы iikoWaiter на порту ${port}. ` +
          'Закройте программу, которая его заняла, и нажмите «Запустить сервер для iikoWaiter» в меню значка в трее — ' +
          'или укажите другой порт на открывшемся экране «Настройки» и сохраните: GetMeBack Till перезапустит сервер сам. ' +
          'После смены порта поменяйте адрес сервера (Server Address) в настройках iikoWaiter.',
      }
    : {
        title: 'GetMeBack Till',
        message: `Port ${port} is used by another program`,
        detail:
          `GetMeBack Till cannot answer iikoWaiter on port ${port}. ` +
          'Close the program that holds it and choose “Start the server for iikoWaiter” in the tray menu — ' +
          'or enter another port on the Settings screen that opened and save: GetMeBack Till restarts its server itself. ' +
          'After changing the port, change the Server Address in iikoWaiter’s settings too.',
      };
}
