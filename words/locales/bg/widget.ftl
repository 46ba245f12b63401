# Собствените надписи на джаджата за съгласие в уебсайта на организацията.
# Заместителите ({ $name }) остават непроменени.

widget-accept-all = Приемане на всички
widget-reject-all = Отхвърляне на всички
widget-customise = Персонализиране
widget-save = Запазване на избора
widget-close = Затваряне
widget-first-name = Име
widget-last-name = Фамилия
widget-email = Имейл адрес
widget-check-mail = Почти готово: потвърдете регистрацията си чрез връзката в имейла, който Ви изпращаме.
widget-gpc-notice = Изключено, защото браузърът Ви изпраща Global Privacy Control.
widget-privacy-policy = Политика за поверителност
widget-kept-until = Съхраняваме регистрацията Ви (Вашето име, имейл адрес и избор) до { $date }; ако не бъде потвърдена, тогава тя се изтрива.
widget-placeholder = Това съдържание е от { $source } и остава блокирано, докато не дадете { -consent } за „{ $purpose }“.
widget-load-once = Зареждане
widget-always-allow = Разрешаване винаги
widget-reload-hint = Това, което вече работи, спира едва когато презаредите страницата.
widget-reload = Презареждане на страницата
widget-do-not-sell = Не продавайте и не споделяйте личната ми информация
widget-ok = OK
