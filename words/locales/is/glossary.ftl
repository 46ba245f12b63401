# Hugtök persónuverndarreglugerðarinnar (reglugerð (ESB) 2016/679, fylgiskjal með lögum nr. 90/2018),
# eins og íslenski textinn orðar þau.
# A term has variants chosen by a parameter (here: grammatical case, and definiteness):
#   -processing = { $case -> *[nominative] ... [accusative] ... [nominative-definite] ... }
# and is used as { -processing(case: "accusative") }.

-gdpr = GDPR
-personal-data = { $case ->
   *[nominative] persónuupplýsingar
    [accusative] persónuupplýsingar
    [dative] persónuupplýsingum
    [genitive] persónuupplýsinga
 }
-data-subject = { $case ->
   *[nominative] skráður einstaklingur
    [accusative] skráðan einstakling
    [dative] skráðum einstaklingi
    [genitive] skráðs einstaklings
 }
-processing = { $case ->
   *[nominative] vinnsla
    [accusative] vinnslu
    [dative] vinnslu
    [genitive] vinnslu
    [nominative-definite] vinnslan
    [accusative-definite] vinnsluna
    [dative-definite] vinnslunni
    [genitive-definite] vinnslunnar
 }
-consent = { $case ->
   *[nominative] samþykki
    [accusative] samþykki
    [dative] samþykki
    [genitive] samþykkis
 }
-withdraw-consent = draga samþykki þitt til baka
-controller = { $case ->
   *[nominative] ábyrgðaraðili
    [accusative] ábyrgðaraðila
    [dative] ábyrgðaraðila
    [genitive] ábyrgðaraðila
 }
-supervisory-authority = { $case ->
   *[nominative] eftirlitsyfirvald
    [accusative] eftirlitsyfirvald
    [dative] eftirlitsyfirvaldi
    [genitive] eftirlitsyfirvalds
    [nominative-definite] eftirlitsyfirvaldið
 }
-legal-basis = { $case ->
   *[nominative] lagagrundvöllur
    [accusative] lagagrundvöll
    [dative] lagagrundvelli
    [genitive] lagagrundvallar
 }
-right-of-access = { $case ->
   *[nominative] réttur til aðgangs
    [accusative] rétt til aðgangs
    [dative] rétti til aðgangs
    [genitive] réttar til aðgangs
 }
-right-to-rectification = { $case ->
   *[nominative] réttur til leiðréttingar
    [accusative] rétt til leiðréttingar
    [dative] rétti til leiðréttingar
    [genitive] réttar til leiðréttingar
 }
-right-to-erasure = { $case ->
   *[nominative] réttur til eyðingar
    [accusative] rétt til eyðingar
    [dative] rétti til eyðingar
    [genitive] réttar til eyðingar
 }
-right-to-restriction = { $case ->
   *[nominative] réttur til takmörkunar á vinnslu
    [accusative] rétt til takmörkunar á vinnslu
    [dative] rétti til takmörkunar á vinnslu
    [genitive] réttar til takmörkunar á vinnslu
 }
-right-to-portability = { $case ->
   *[nominative] réttur til að flytja eigin gögn
    [accusative] rétt til að flytja eigin gögn
    [dative] rétti til að flytja eigin gögn
    [genitive] réttar til að flytja eigin gögn
 }
-right-to-object = { $case ->
   *[nominative] réttur til að andmæla
    [accusative] rétt til að andmæla
    [dative] rétti til að andmæla
    [genitive] réttar til að andmæla
 }
-lodge-complaint = leggja fram kvörtun hjá eftirlitsyfirvaldi
-judicial-remedy = { $case ->
   *[nominative] skilvirkt réttarúrræði
    [accusative] skilvirkt réttarúrræði
    [dative] skilvirku réttarúrræði
    [genitive] skilvirks réttarúrræðis
 }
