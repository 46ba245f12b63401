# O que as páginas do titular dos dados mostram em torno dos textos da própria organização: a página
# de consentimento, as páginas de inscrição e de confirmação, a verificação de comprovativos e o centro de privacidade.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = português
loading = A carregar…
language = Idioma
expired = Esta ligação expirou. Peça uma nova à organização que a enviou.
revoked = Foi-lhe enviada uma ligação mais recente para este formulário, pelo que esta já não funciona. Utilize a ligação da mensagem mais recente ou peça uma nova.
spent = A sua resposta através desta ligação foi registada. Para a alterar, peça uma nova ligação à organização.
unknown = Esta ligação não é válida. Verifique se a copiou na íntegra.
failed = Não foi possível guardar a sua escolha. Tente novamente dentro de momentos.
not-found = Não existe nenhuma página aqui.
receipt = Descarregar o comprovativo assinado do seu { -consent }
new-link = Enviar-me uma nova ligação
new-link-sent = Se esta ligação era nossa, já vai a caminho uma nova para o endereço para o qual foi enviada.
verify-title = Verificar um comprovativo de { -consent }
verify-intro = Cole o conteúdo de um ficheiro de comprovativo (consent-receipt.jws). A respetiva assinatura mostra se corresponde exatamente ao que a organização emitiu.
verify-label = Comprovativo
verify-button = Verificar
verify-valid = Válido: assinado por { $controller }
verify-invalid = Não é válido: este comprovativo foi alterado ou não foi emitido por este serviço.
check-receipt = Verificar um comprovativo
first-name = Nome próprio
last-name = Apelido
email = Endereço de e-mail
optional = opcional
email-invalid = Introduza um endereço de e-mail, por exemplo name@example.org.
name-invalid = Utilize no máximo 200 caracteres, sem quebras de linha.
choose-required = Assinale aquilo com que concorda; as finalidades obrigatórias fazem parte da inscrição.
check-inbox = Quase concluído: estamos a enviar uma ligação para o seu endereço de e-mail. Abra-a para confirmar a sua inscrição; até lá, o seu { -consent } não conta. Não recebeu nenhuma mensagem ao fim de alguns minutos? Verifique a pasta de spam ou volte a inscrever-se mais tarde.
form-changed = Este formulário foi alterado enquanto o preenchia. Recarregue a página e verifique as suas escolhas.
too-many = Demasiadas inscrições em simultâneo. Tente novamente mais tarde.
not-open = Este formulário não aceita inscrições.
confirm-title = Confirme a sua inscrição
confirm-button = Sim, confirmo a minha inscrição
confirmed = Obrigado: a sua inscrição está confirmada.
sign-up-expired = Esta ligação de confirmação expirou. Volte a inscrever-se para receber uma nova.
sign-up-spent = A sua inscrição já está confirmada; não é necessário fazer mais nada.
sign-up = Inscrever-me
sign-up-stored = Quando se inscreve, guardamos o seu nome, o seu endereço de e-mail e o que assinalou, e enviamos-lhe uma ligação para confirmar.
kept-until = Guardamos a sua inscrição até { $date }; sem confirmação, é eliminada nessa data.
whose-link = Esta ligação foi enviada para { $address }.
whose-link-not-you = Não é o seu endereço? Então esta mensagem foi-lhe reencaminhada: não responda em nome de outra pessoa.
stop-title = Interromper o { -processing } dos seus dados?
stop-meaning = A organização deixará de utilizar os seus dados: deixa de lhe enviar e-mails, e os seus dados não são utilizados, partilhados nem exportados enquanto o { -processing } estiver interrompido. O seu { -consent } é retirado para todas as finalidades. Os seus dados são conservados, não apagados; para que sejam apagados, exerça o seu { -right-to-erasure }.
stop-confirm = Sim, interromper o tratamento dos meus dados
cancel = Cancelar
recorded-stop = Registado: pediu a interrupção do { -processing } dos seus dados. O seu { -consent } foi retirado para todas as finalidades.
recorded-granted = Registado: o seu { -consent } para { $purposes }.
recorded-nothing = Registado: não deu o seu { -consent } para nenhuma finalidade.
granted = Consentimento dado
refused = Consentimento recusado
withdrawn = Consentimento retirado
form-version = versão do formulário
untranslated = Parte deste formulário ainda não está traduzida para o seu idioma; essa parte é apresentada no idioma em que a organização a escreveu.

## The privacy centre

privacy-failed = Ocorreu um erro. Tente novamente dentro de momentos.
privacy-not-found = Não existe nenhum centro de privacidade aqui.
privacy-title = Centro de privacidade
privacy-intro = Exerça os seus direitos ao abrigo do { -gdpr } junto de { $organisation }, o { -controller } dos seus { -personal-data }.
privacy-what-to-do = O que pretende fazer?
privacy-email = O seu endereço de e-mail
privacy-email-hint = Enviamos um código para este endereço para confirmar que é seu. É através dele que encontramos os seus dados.
privacy-details = Algo a acrescentar (opcional)
privacy-what-is-wrong = O que está errado e como deveria estar?
privacy-details-needed = Indique o que está errado (no máximo 2000 caracteres).
privacy-send-code = Enviar-me um código
privacy-too-many = Demasiados pedidos em simultâneo. Tente novamente mais tarde.
privacy-code-sent = Estamos a enviar um código de seis dígitos para o endereço que introduziu. É válido durante 15 minutos; não recebeu nenhuma mensagem ao fim de alguns minutos? Verifique a pasta de spam ou peça novamente.
privacy-code = Código do e-mail
privacy-confirm = Confirmar o meu pedido
privacy-wrong-code = Esse código não está correto. Verifique o e-mail e tente novamente.
privacy-code-expired = Este código expirou. Recarregue a página para recomeçar.
privacy-code-locked = Demasiados códigos errados. Recarregue a página para recomeçar.
privacy-code-used = Este pedido já foi apresentado.
privacy-filed = O seu pedido foi apresentado. Receberá uma resposta até { $date }, o mais tardar.
privacy-complaint = Se considerar que os seus dados estão a ser tratados de forma incorreta, tem também o direito de { -lodge-complaint } e o direito a { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Ver os meus dados
right-access-meaning = Uma cópia de todos os { -personal-data } que a organização detém sobre si, indicando para que são utilizados e de onde provêm.
right-access-law = O seu { -right-of-access } (artigo 15.º do { -gdpr })
right-rectification-title = Corrigir os meus dados
right-rectification-meaning = Algo a seu respeito está errado ou incompleto: indique como deveria estar.
right-rectification-law = O seu { -right-to-rectification } (artigo 16.º do { -gdpr })
right-portability-title = Levar os meus dados para outro serviço
right-portability-meaning = Os dados que forneceu, num ficheiro que outro serviço consegue ler.
right-portability-law = O seu { -right-to-portability } (artigo 20.º do { -gdpr })
right-erasure-title = Apagar os meus dados
right-erasure-meaning = Os seus { -personal-data } são apagados, salvo se a lei exigir que sejam conservados.
right-erasure-law = O seu { -right-to-erasure } (artigo 17.º do { -gdpr })
right-restriction-title = Interromper o tratamento dos meus dados
right-restriction-meaning = Os seus dados são conservados, mas não são utilizados nem partilhados, e não lhe são enviados e-mails, enquanto a questão é resolvida.
right-restriction-law = O seu { -right-to-restriction } (artigo 18.º do { -gdpr })
right-object-title = Opor-me ao tratamento
right-object-meaning = Não concorda com a forma como os seus dados são utilizados, por exemplo para comercialização direta.
right-object-law = O seu { -right-to-object } (artigo 21.º do { -gdpr })
