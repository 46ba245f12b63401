# Todos os e-mails que o Consentry envia a um titular dos dados, e o ficheiro «leia-me» da sua exportação de dados.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Olá,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (artigo 15.º do { -gdpr })
mail-right-rectification = { -right-to-rectification } (artigo 16.º do { -gdpr })
mail-right-portability = { -right-to-portability } (artigo 20.º do { -gdpr })
mail-right-erasure = { -right-to-erasure } (artigo 17.º do { -gdpr })
mail-right-restriction = { -right-to-restriction } (artigo 18.º do { -gdpr })
mail-right-object = { -right-to-object } (artigo 21.º do { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: o seu código de confirmação
mail-code-body =
    Pediu a { $organisation } que desse seguimento ao seu pedido: { $right }. Introduza este código na página do centro de privacidade para confirmar que este endereço é seu:

        { $code }

    O código é válido durante { $minutes } minutos. Não fez este pedido? Ignore esta mensagem.

## What became of a request

mail-refused-subject = { $organisation }: o seu pedido foi recusado
mail-refused-body =
    O seu pedido de { $received } ({ $right }) foi recusado. Motivo:

    { $reason }
mail-complaint = Tem o direito de { -lodge-complaint } e o direito a { -judicial-remedy }.
mail-complaint-authority = A { -supervisory-authority } do local onde { $organisation } tem o seu estabelecimento é { $authority }: { $website }
mail-done-subject = { $organisation }: o seu pedido foi concluído
mail-done-body = O seu pedido de { $received } ({ $right }) foi executado.
mail-erased = Apagámos os seus { -personal-data }. Conservamos apenas o próprio pedido, sem o seu endereço, e um código unidirecional desse endereço, para não voltarmos a adicioná-lo por engano. Não guardamos nenhuma cópia desta mensagem.
mail-extended-subject = { $organisation }: mais tempo para o seu pedido
mail-extended-body =
    Precisamos de mais tempo para o seu pedido de { $received } ({ $right }). Receberá uma resposta até { $until }, o mais tardar. Motivo:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: os seus dados estão prontos
mail-export-body =
    A cópia dos seus { -personal-data } que pediu a { $organisation } está pronta. Descarregue-a (um ficheiro ZIP) até { $until } através desta ligação pessoal:

    { $link }

    Não partilhe esta ligação: qualquer pessoa que a tenha pode descarregar os seus dados.
export-readme =
    Os seus { -personal-data }, tal como conservados pela organização indicada em subject.json.

    subject.json: tudo, no formato consentry-subject-export/1: o pedido e, para cada registo que contém o seu endereço, os respetivos campos, o histórico de fundamentos jurídicos e de estados do { -consent }, cada decisão de { -consent } com a versão do formulário e o SHA-256 do texto que leu, e os seus pedidos.

    records.csv: os registos, um por linha (UTF-8, separados por vírgulas).

    consent_events.csv: cada decisão de { -consent }, uma por linha: respostas na página de consentimento e { -consent } dado noutro local e aqui registado (recorded_through api ou manual), com quando (at), como (obtained_through) e para que canais o deu, e as provas apresentadas para o efeito. recorded_at indica quando foi registado aqui.

    Nos ficheiros CSV, um valor que comece por = + - @, uma tabulação ou um retorno de carro tem um ' à frente, para que uma folha de cálculo o mostre como texto em vez de o executar como fórmula.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: confirme a sua inscrição
mail-signup-body =
    Foi feita uma inscrição em «{ $title }» junto de { $organisation } por si (ou por alguém que utiliza o seu endereço). Confirme-a através desta ligação:

    { $link }

    Guardamos a sua inscrição (o seu nome, endereço de e-mail e escolhas) até { $until }; sem confirmação, é eliminada nessa data. Não fez esta inscrição? Ignore esta mensagem.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Pedido de consentimento
mail-consent-subject = { $organisation }: as suas escolhas de privacidade
mail-consent-body =
    Caro(a) { $name },

    { $organisation } pede o seu { -consent }. Abra esta ligação pessoal para ver para quê e para escolher:

    { $link }

    A ligação é válida até { $until }. Se não esperava esta mensagem, pode ignorá-la.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: os seus dados, os seus direitos
mail-rights-body =
    Pode ver, corrigir, levar consigo ou apagar os { -personal-data } que { $organisation } tem sobre si, ou opor-se ao { -processing } desses dados ou pedir a sua limitação, aqui:

    { $link }
