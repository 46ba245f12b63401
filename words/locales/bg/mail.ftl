# Всеки имейл, който Consentry изпраща на субекта на данните, и файлът с описание на експорта на данните му.
# Заместителите ({ $name }) остават непроменени; понятията ({ -name }) са в glossary.ftl.
# Празен ред в съобщението е празен ред в имейла.

mail-hello = Здравейте,

## Наименованието на всяко право по закон, както имейлът назовава искането

mail-right-access = { -right-of-access } (чл. 15 от { -gdpr })
mail-right-rectification = { -right-to-rectification } (чл. 16 от { -gdpr })
mail-right-portability = { -right-to-portability } (чл. 20 от { -gdpr })
mail-right-erasure = { -right-to-erasure } (чл. 17 от { -gdpr })
mail-right-restriction = { -right-to-restriction } (чл. 18 от { -gdpr })
mail-right-object = { -right-to-object } (чл. 21 от { -gdpr })

## Кодът за потвърждение от центъра за поверителност

mail-code-subject = { $organisation }: Вашият код за потвърждение
mail-code-body =
    Поискахте от { $organisation } да предприеме действия по Вашето искане: { $right }. Въведете този код на страницата на центъра за поверителност, за да потвърдите, че този адрес е Ваш:

        { $code }

    Кодът е валиден { $minutes } минути. Не сте поискали това? Тогава не обръщайте внимание на това съобщение.

## Какво стана с искането

mail-refused-subject = { $organisation }: искането Ви е отказано
mail-refused-body =
    Искането Ви от { $received } ({ $right }) е отказано. Причина:

    { $reason }
mail-complaint = Имате право на { -lodge-complaint } и на { -judicial-remedy }.
mail-complaint-authority = { $authority } е { -supervisory-authority(form: "definite") } по мястото на установяване на { $organisation }: { $website }
mail-done-subject = { $organisation }: искането Ви е изпълнено
mail-done-body = Искането Ви от { $received } ({ $right }) е изпълнено.
mail-erased = Изтрихме Вашите { -personal-data }. Съхраняваме само самото искане, без Вашия адрес, и еднопосочен код от него, за да не Ви добавим отново по погрешка. Не съхраняваме копие на това съобщение.
mail-extended-subject = { $organisation }: повече време за Вашето искане
mail-extended-body =
    Нуждаем се от повече време за Вашето искане от { $received } ({ $right }). Ще получите отговор най-късно до { $until }. Причина:

    { $reason }

## Копието на данните на субекта

mail-export-subject = { $organisation }: данните Ви са готови
mail-export-body =
    Копието на Вашите { -personal-data }, което поискахте от { $organisation }, е готово. Изтеглете го (ZIP файл) до { $until } чрез тази лична връзка:

    { $link }

    Не споделяйте тази връзка: всеки, който я има, може да изтегли данните Ви.
export-readme =
    Вашите { -personal-data }, както се съхраняват от организацията, посочена в subject.json.

    subject.json: всичко, във формат consentry-subject-export/1: искането и за всеки запис, който съдържа Вашия адрес, неговите полета, историята на правните му основания и статусите на { -consent(form: "definite") }, всяко решение за { -consent } с версията на формуляра и SHA-256 на текста, който сте прочели, както и Вашите искания.

    records.csv: записите, по един на ред (UTF-8, разделени със запетаи).

    consent_events.csv: всяко решение за { -consent }, по едно на ред: отговорите на страницата за съгласие и { -consent }, дадено другаде и записано тук (recorded_through api или manual), с това кога (at), как (obtained_through) и за кои канали сте го дали, както и доказателствата, представени за него. recorded_at е моментът, в който е записано тук.

    Във файловете CSV пред стойност, която започва с = + - @, табулация или връщане на каретката (carriage return), стои знакът ', за да може електронната таблица да я покаже като текст, вместо да я изпълни като формула.

## Двойно потвърждение (double opt-in): потвърждаване на регистрация

mail-signup-subject = { $organisation }: потвърдете регистрацията си
mail-signup-body =
    Вие (или някой, който е използвал Вашия адрес) се регистрирахте за „{ $title }“ при { $organisation }. Потвърдете регистрацията чрез тази връзка:

    { $link }

    Съхраняваме регистрацията Ви (Вашето име, имейл адрес и избор) до { $until }; ако не бъде потвърдена, тогава тя се изтрива. Не сте били Вие? Тогава не обръщайте внимание на това съобщение.

## Вграденото искане за съгласие (когато организацията не посочи собствен шаблон)

mail-consent-name = Искане за съгласие
mail-consent-subject = { $organisation }: Вашият избор за поверителност
mail-consent-body =
    Уважаеми/Уважаема { $name },

    { $organisation } иска Вашето { -consent }. Отворете тази лична връзка, за да видите за какво, и да изберете:

    { $link }

    Връзката е валидна до { $until }. Ако не сте очаквали това съобщение, можете да не му обръщате внимание.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: Вашите данни, Вашите права
mail-rights-body =
    Тук можете да видите, коригирате, пренесете другаде или изтриете { -personal-data(form: "definite") }, които { $organisation } съхранява за Вас, да възразите срещу { -processing(form: "definite") } им или да поискате то да бъде ограничено:

    { $link }
