# Pojmy GDPR ve znění oficiálního českého textu nařízení (EU) 2016/679 (obecné nařízení o ochraně osobních údajů).
# Všechny katalogy tohoto jazyka používají tyto pojmy (překlad musí odkazovat na stejné pojmy jako angličtina).
# Varianty: $case = nominative (výchozí), genitive, dative, accusative, locative, instrumental.

-gdpr = GDPR
-personal-data = { $case ->
   *[nominative] osobní údaje
    [genitive] osobních údajů
    [dative] osobním údajům
    [accusative] osobní údaje
    [locative] osobních údajích
    [instrumental] osobními údaji
 }
-data-subject = { $case ->
   *[nominative] subjekt údajů
    [genitive] subjektu údajů
    [dative] subjektu údajů
    [accusative] subjekt údajů
    [locative] subjektu údajů
    [instrumental] subjektem údajů
 }
-processing = { $case ->
   *[nominative] zpracování
    [genitive] zpracování
    [dative] zpracování
    [accusative] zpracování
    [locative] zpracování
    [instrumental] zpracováním
 }
-consent = { $case ->
   *[nominative] souhlas
    [genitive] souhlasu
    [dative] souhlasu
    [accusative] souhlas
    [locative] souhlasu
    [instrumental] souhlasem
 }
-withdraw-consent = odvolat svůj souhlas
-controller = { $case ->
   *[nominative] správce
    [genitive] správce
    [dative] správci
    [accusative] správce
    [locative] správci
    [instrumental] správcem
 }
-supervisory-authority = { $case ->
   *[nominative] dozorový úřad
    [genitive] dozorového úřadu
    [dative] dozorovému úřadu
    [accusative] dozorový úřad
    [locative] dozorovém úřadu
    [instrumental] dozorovým úřadem
 }
-legal-basis = { $case ->
   *[nominative] právní základ
    [genitive] právního základu
    [dative] právnímu základu
    [accusative] právní základ
    [locative] právním základu
    [instrumental] právním základem
 }
-right-of-access = { $case ->
   *[nominative] právo na přístup k osobním údajům
    [genitive] práva na přístup k osobním údajům
    [dative] právu na přístup k osobním údajům
    [accusative] právo na přístup k osobním údajům
    [locative] právu na přístup k osobním údajům
    [instrumental] právem na přístup k osobním údajům
 }
-right-to-rectification = { $case ->
   *[nominative] právo na opravu
    [genitive] práva na opravu
    [dative] právu na opravu
    [accusative] právo na opravu
    [locative] právu na opravu
    [instrumental] právem na opravu
 }
-right-to-erasure = { $case ->
   *[nominative] právo na výmaz
    [genitive] práva na výmaz
    [dative] právu na výmaz
    [accusative] právo na výmaz
    [locative] právu na výmaz
    [instrumental] právem na výmaz
 }
-right-to-restriction = { $case ->
   *[nominative] právo na omezení zpracování
    [genitive] práva na omezení zpracování
    [dative] právu na omezení zpracování
    [accusative] právo na omezení zpracování
    [locative] právu na omezení zpracování
    [instrumental] právem na omezení zpracování
 }
-right-to-portability = { $case ->
   *[nominative] právo na přenositelnost údajů
    [genitive] práva na přenositelnost údajů
    [dative] právu na přenositelnost údajů
    [accusative] právo na přenositelnost údajů
    [locative] právu na přenositelnost údajů
    [instrumental] právem na přenositelnost údajů
 }
-right-to-object = { $case ->
   *[nominative] právo vznést námitku
    [genitive] práva vznést námitku
    [dative] právu vznést námitku
    [accusative] právo vznést námitku
    [locative] právu vznést námitku
    [instrumental] právem vznést námitku
 }
-lodge-complaint = podat stížnost u dozorového úřadu
-judicial-remedy = { $case ->
   *[nominative] účinná soudní ochrana
    [genitive] účinné soudní ochrany
    [dative] účinné soudní ochraně
    [accusative] účinnou soudní ochranu
    [locative] účinné soudní ochraně
    [instrumental] účinnou soudní ochranou
 }
