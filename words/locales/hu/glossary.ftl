# Az általános adatvédelmi rendelet (GDPR, (EU) 2016/679 rendelet) saját fogalmai, a hivatalos
# magyar szöveg szóhasználatával. A term may have variants chosen by a parameter (case):
#   nominative, accusative, poss (the data subject's own, addressed as Ön: "hozzájárulása"),
#   poss-acc, poss-gen, poss-ins, adj (as the first part of a compound: "hozzájárulási"), ...

-gdpr = GDPR
-personal-data = { $case ->
   *[nominative] személyes adatok
    [delative] személyes adatokról
    [poss] személyes adatai
    [poss-acc] személyes adatait
    [poss-gen] személyes adatainak
 }
-data-subject = érintett
-processing = { $case ->
   *[nominative] adatkezelés
    [accusative] adatkezelést
    [of-your-data-acc] adatai kezelését
    [of-your-data-gen] adatai kezelésének
 }
-consent = { $case ->
   *[nominative] hozzájárulás
    [adj] hozzájárulási
    [adj-title] Hozzájárulási
    [poss] hozzájárulása
    [poss-acc] hozzájárulását
 }
-withdraw-consent = visszavonja hozzájárulását
-controller = { $case ->
   *[nominative] adatkezelő
    [poss] adatkezelője
 }
-supervisory-authority = felügyeleti hatóság
-legal-basis = jogalap
-right-of-access = { $case ->
   *[nominative] hozzáférési jog
    [poss] hozzáférési joga
    [poss-ins] hozzáférési jogával
 }
-right-to-rectification = { $case ->
   *[nominative] helyesbítéshez való jog
    [poss] helyesbítéshez való joga
    [poss-ins] helyesbítéshez való jogával
 }
-right-to-erasure = { $case ->
   *[nominative] törléshez való jog
    [poss] törléshez való joga
    [poss-ins] törléshez való jogával
 }
-right-to-restriction = { $case ->
   *[nominative] adatkezelés korlátozásához való jog
    [poss] adatkezelés korlátozásához való joga
    [poss-ins] adatkezelés korlátozásához való jogával
 }
-right-to-portability = { $case ->
   *[nominative] adathordozhatósághoz való jog
    [poss] adathordozhatósághoz való joga
    [poss-ins] adathordozhatósághoz való jogával
 }
-right-to-object = { $case ->
   *[nominative] tiltakozáshoz való jog
    [poss] tiltakozáshoz való joga
    [poss-ins] tiltakozáshoz való jogával
 }
-lodge-complaint = panaszt tegyen egy felügyeleti hatóságnál
-judicial-remedy = { $case ->
   *[nominative] hatékony bírósági jogorvoslat
    [instrumental] hatékony bírósági jogorvoslattal
 }
