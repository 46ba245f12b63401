# Os termos do próprio RGPD, tal como os designa a versão portuguesa oficial do Regulamento (UE) 2016/679.
# Todos os catálogos desta língua utilizam estes termos (uma tradução deve referir os mesmos termos que o inglês).

-gdpr = RGPD
-personal-data = dados pessoais
-data-subject = titular dos dados
-processing = tratamento
-consent = consentimento
-withdraw-consent = retirar o seu consentimento
-controller = responsável pelo tratamento
-supervisory-authority = autoridade de controlo
-legal-basis = fundamento jurídico
-right-of-access = direito de acesso
-right-to-rectification = direito de retificação
-right-to-erasure = direito ao apagamento dos dados
-right-to-restriction = direito à limitação do tratamento
-right-to-portability = direito de portabilidade dos dados
-right-to-object = direito de oposição
-lodge-complaint = apresentar reclamação a uma autoridade de controlo
-judicial-remedy = uma ação judicial efetiva
