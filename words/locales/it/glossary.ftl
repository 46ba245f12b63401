# I termini del GDPR stesso, così come li denomina il testo ufficiale italiano del regolamento (UE) 2016/679.

-gdpr = GDPR
-personal-data = dati personali
-data-subject = interessato
-processing = trattamento
-consent = consenso
-withdraw-consent = revocare il suo consenso
-controller = titolare del trattamento
-supervisory-authority = autorità di controllo
-legal-basis = base giuridica
-right-of-access = diritto di accesso
-right-to-rectification = diritto di rettifica
-right-to-erasure = diritto alla cancellazione
-right-to-restriction = diritto di limitazione di trattamento
-right-to-portability = diritto alla portabilità dei dati
-right-to-object = diritto di opposizione
-lodge-complaint = proporre reclamo a un'autorità di controllo
-judicial-remedy = un ricorso giurisdizionale effettivo
