# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Pieņemt visus
widget-reject-all = Noraidīt visus
widget-customise = Pielāgot
widget-save = Saglabāt izvēles
widget-close = Aizvērt
widget-first-name = Vārds
widget-last-name = Uzvārds
widget-email = E-pasta adrese
widget-check-mail = Gandrīz gatavs: apstipriniet pierakstīšanos, izmantojot saiti e-pastā, ko mēs Jums sūtām.
widget-gpc-notice = Izslēgts, jo Jūsu pārlūkprogramma sūta Global Privacy Control signālu.
widget-privacy-policy = Privātuma politika
widget-kept-until = Jūsu pierakstīšanos (Jūsu vārdu, e-pasta adresi un izvēles) glabājam līdz { $date }; ja tā netiek apstiprināta, tad tā tiek dzēsta.
widget-placeholder = Šis saturs ir no { $source } un paliek bloķēts, līdz Jūs dodat { -consent(case: "accusative") } nolūkam „{ $purpose }“.
widget-load-once = Ielādēt vienreiz
widget-always-allow = Vienmēr atļaut
widget-reload-hint = Tas, kas jau darbojas, apstājas tikai tad, kad pārlādējat lapu.
widget-reload = Pārlādēt lapu
widget-do-not-sell = Nepārdot un nekopīgot manu personisko informāciju
widget-ok = Labi
