# Termenii RGPD, așa cum îi formulează versiunea oficială în limba română a Regulamentului (UE) 2016/679.
# Toate cataloagele acestei limbi folosesc acești termeni (o traducere trebuie să folosească aceiași termeni ca engleza).
# Variante: $case = indefinite (implicit), definite (articulat), genitive (genitiv-dativ articulat);
# $capitalization = uppercase pentru începutul unei fraze.

-gdpr = RGPD
-personal-data = { $case ->
   *[indefinite] date cu caracter personal
    [definite] datele cu caracter personal
    [genitive] datelor cu caracter personal
 }
-data-subject = { $case ->
   *[indefinite] persoană vizată
    [definite] persoana vizată
    [genitive] persoanei vizate
 }
-processing = { $case ->
   *[indefinite] prelucrare
    [definite] prelucrarea
    [genitive] prelucrării
 }
-consent = { $case ->
   *[indefinite] consimțământ
    [definite] consimțământul
    [genitive] consimțământului
 }
-withdraw-consent = să vă retrageți consimțământul
-controller = { $case ->
   *[indefinite] operator
    [definite] operatorul
    [genitive] operatorului
 }
-supervisory-authority = { $case ->
   *[indefinite] autoritate de supraveghere
    [definite] autoritatea de supraveghere
    [genitive] autorității de supraveghere
 }
-legal-basis = { $case ->
   *[indefinite] temei juridic
    [definite] temeiul juridic
    [genitive] temeiului juridic
 }
-right-of-access = { $capitalization ->
   *[lowercase] dreptul de acces
    [uppercase] Dreptul de acces
 }
-right-to-rectification = { $capitalization ->
   *[lowercase] dreptul la rectificare
    [uppercase] Dreptul la rectificare
 }
-right-to-erasure = { $capitalization ->
   *[lowercase] dreptul la ștergerea datelor
    [uppercase] Dreptul la ștergerea datelor
 }
-right-to-restriction = { $capitalization ->
   *[lowercase] dreptul la restricționarea prelucrării
    [uppercase] Dreptul la restricționarea prelucrării
 }
-right-to-portability = { $capitalization ->
   *[lowercase] dreptul la portabilitatea datelor
    [uppercase] Dreptul la portabilitatea datelor
 }
-right-to-object = { $capitalization ->
   *[lowercase] dreptul la opoziție
    [uppercase] Dreptul la opoziție
 }
-lodge-complaint = a depune o plângere la o autoritate de supraveghere
-judicial-remedy = o cale de atac judiciară eficientă
