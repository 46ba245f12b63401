# Cada correo electrónico que Consentry envía a un interesado, y el léame de su exportación de datos.
# Las variables ({ $name }) se dejan tal cual; los términos ({ -name }) vienen de glossary.ftl.
# Dentro de un mensaje, una línea en blanco es una línea en blanco del correo.

mail-hello = Hola:

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (artículo 15 del { -gdpr })
mail-right-rectification = { -right-to-rectification } (artículo 16 del { -gdpr })
mail-right-portability = { -right-to-portability } (artículo 20 del { -gdpr })
mail-right-erasure = { -right-to-erasure } (artículo 17 del { -gdpr })
mail-right-restriction = { -right-to-restriction } (artículo 18 del { -gdpr })
mail-right-object = { -right-to-object } (artículo 21 del { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: su código de confirmación
mail-code-body =
    Ha pedido a { $organisation } que atienda su solicitud: { $right }. Introduzca este código en la página del centro de privacidad para confirmar que esta dirección es suya:

        { $code }

    El código es válido durante { $minutes } minutos. ¿No lo ha pedido usted? Entonces ignore este mensaje.

## What became of a request

mail-refused-subject = { $organisation }: su solicitud ha sido denegada
mail-refused-body =
    Su solicitud del { $received } ({ $right }) ha sido denegada. Motivo:

    { $reason }
mail-complaint = Tiene derecho a { -lodge-complaint } y a { -judicial-remedy }.
mail-complaint-authority = La { -supervisory-authority } del lugar de establecimiento de { $organisation } es { $authority }: { $website }
mail-done-subject = { $organisation }: su solicitud se ha atendido
mail-done-body = Su solicitud del { $received } ({ $right }) se ha llevado a cabo.
mail-erased = Hemos suprimido sus { -personal-data }. Solo conservamos la propia solicitud, sin su dirección, y un código unidireccional de su dirección, para no volver a añadirle por error. No conservamos ninguna copia de este mensaje.
mail-extended-subject = { $organisation }: más tiempo para su solicitud
mail-extended-body =
    Necesitamos más tiempo para su solicitud del { $received } ({ $right }). Recibirá una respuesta a más tardar el { $until }. Motivo:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: sus datos están listos
mail-export-body =
    La copia de sus { -personal-data } que solicitó a { $organisation } está lista. Descárguela (un archivo ZIP) hasta el { $until } con este enlace personal:

    { $link }

    No comparta este enlace: cualquier persona que lo tenga puede descargar sus datos.
export-readme =
    Sus { -personal-data }, tal como los conserva la organización indicada en subject.json.

    subject.json: todo, en el formato consentry-subject-export/1: la solicitud y, para cada registro que contiene su dirección, sus campos, su historial de bases jurídicas y de estados del { -consent }, cada decisión sobre el { -consent } con la versión del formulario y el SHA-256 del texto que usted leyó, y sus solicitudes.

    records.csv: los registros, uno por línea (UTF-8, separados por comas).

    consent_events.csv: cada decisión sobre el { -consent }, una por línea: respuestas en la página de consentimiento, y { -consent } dado en otro lugar y registrado aquí (recorded_through api o manual), con cuándo (at), cómo (obtained_through) y para qué canales lo dio, y la prueba aportada. recorded_at indica cuándo se registró aquí.

    En los archivos CSV, un valor que empieza por = + - @, un tabulador o un retorno de carro lleva delante un ', para que una hoja de cálculo lo muestre como texto en lugar de ejecutarlo como fórmula.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: confirme su registro
mail-signup-body =
    Usted (o alguien que usa su dirección) se ha registrado en «{ $title }» de { $organisation }. Confírmelo con este enlace:

    { $link }

    Conservamos su registro (su nombre, su dirección de correo electrónico y sus elecciones) hasta el { $until }; si no se confirma, se eliminará en esa fecha. ¿No ha sido usted? Entonces ignore este mensaje.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Solicitud de consentimiento
mail-consent-subject = { $organisation }: sus opciones de privacidad
mail-consent-body =
    Hola, { $name }:

    { $organisation } solicita su { -consent }. Abra este enlace personal para ver para qué y elegir:

    { $link }

    El enlace es válido hasta el { $until }. Si no esperaba este mensaje, puede ignorarlo.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: sus datos, sus derechos
mail-rights-body =
    Puede ver, corregir, llevarse o suprimir los { -personal-data } que { $organisation } tiene sobre usted, u oponerse a su { -processing } o pedir su limitación, aquí:

    { $link }
