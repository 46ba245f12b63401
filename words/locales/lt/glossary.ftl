# The GDPR's own terms, as the official Lithuanian text (Bendrasis duomenų apsaugos reglamentas,
# (ES) 2016/679) words them. Variants give the grammatical cases the messages need.

-gdpr = BDAR
-personal-data = { $case ->
   *[nominative] asmens duomenys
    [genitive] asmens duomenų
    [accusative] asmens duomenis
 }
-data-subject = duomenų subjektas
-processing = { $case ->
   *[nominative] duomenų tvarkymas
    [genitive] duomenų tvarkymo
    [accusative] duomenų tvarkymą
 }
-consent = { $case ->
   *[nominative] sutikimas
    [genitive] sutikimo
    [accusative] sutikimą
 }
-withdraw-consent = atšaukti savo sutikimą
-controller = { $case ->
   *[nominative] duomenų valdytojas
    [after-data] valdytojas
 }
-supervisory-authority = priežiūros institucija
-legal-basis = teisinis pagrindas
-right-of-access = teisė susipažinti su duomenimis
-right-to-rectification = teisė reikalauti ištaisyti duomenis
-right-to-erasure = { $case ->
   *[nominative] teisė reikalauti ištrinti duomenis
    [instrumental] teise reikalauti ištrinti duomenis
 }
-right-to-restriction = teisė apriboti duomenų tvarkymą
-right-to-portability = teisė į duomenų perkeliamumą
-right-to-object = teisė nesutikti
-lodge-complaint = pateikti skundą priežiūros institucijai
-judicial-remedy = { $case ->
   *[nominative] veiksmingos teisminės teisių gynimo priemonės
    [genitive] veiksmingų teisminių teisių gynimo priemonių
 }
