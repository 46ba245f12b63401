# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Hyväksy kaikki
widget-reject-all = Hylkää kaikki
widget-customise = Mukauta
widget-save = Tallenna valinnat
widget-close = Sulje
widget-first-name = Etunimi
widget-last-name = Sukunimi
widget-email = Sähköpostiosoite
widget-check-mail = Melkein valmista: vahvistakaa rekisteröitymisenne linkillä, joka on teille lähettämässämme sähköpostiviestissä.
widget-gpc-notice = Pois päältä, koska selaimenne lähettää Global Privacy Control -signaalin.
widget-privacy-policy = Tietosuojaseloste
widget-kept-until = Säilytämme rekisteröitymistänne (nimeänne, sähköpostiosoitettanne ja valintojanne) { $date } asti; jos sitä ei vahvisteta, se poistetaan silloin.
widget-placeholder = Tämä sisältö on peräisin lähteestä { $source } ja pysyy estettynä, kunnes annatte { -consent(case: "genitive") } käyttötarkoitukseen ”{ $purpose }”.
widget-load-once = Lataa kerran
widget-always-allow = Salli aina
widget-reload-hint = Jo käynnissä oleva sisältö pysähtyy vasta, kun lataatte sivun uudelleen.
widget-reload = Lataa sivu uudelleen
widget-do-not-sell = Älä myy tai jaa henkilötietojani
widget-ok = OK
