# Понятията на самия Общ регламент относно защитата на данните, както ги назовава официалният български текст на Регламент (ЕС) 2016/679.
# Понятието може да има членувана форма, напр. { -consent(form: "definite") }.

-gdpr = ОРЗД
-personal-data = { $form ->
   *[indefinite] лични данни
    [definite] личните данни
 }
-data-subject = субект на данните
-processing = { $form ->
   *[indefinite] обработване
    [definite] обработването
 }
-consent = { $form ->
   *[indefinite] съгласие
    [definite] съгласието
 }
-withdraw-consent = да оттеглите съгласието си
-controller = { $form ->
   *[indefinite] администратор
    [definite] администратора
 }
-supervisory-authority = { $form ->
   *[indefinite] надзорен орган
    [definite] надзорният орган
 }
-legal-basis = правно основание
-right-of-access = право на достъп
-right-to-rectification = право на коригиране
-right-to-erasure = право на изтриване
-right-to-restriction = право на ограничаване на обработването
-right-to-portability = право на преносимост на данните
-right-to-object = право на възражение
-lodge-complaint = подаване на жалба до надзорен орган
-judicial-remedy = ефективна съдебна защита
