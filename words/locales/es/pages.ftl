# Lo que muestran las páginas del interesado alrededor de los textos propios de la organización: la
# página de consentimiento, las páginas de registro y confirmación, la comprobación de recibos y el centro de privacidad.
# Las variables ({ $name }) se dejan tal cual; los términos ({ -name }) vienen de glossary.ftl.

language-name = español
loading = Cargando…
language = Idioma
expired = Este enlace ha caducado. Pida uno nuevo a la organización que se lo envió.
revoked = Se le ha enviado un enlace más reciente para este formulario, por lo que este ya no funciona. Utilice el enlace del mensaje más reciente o pida uno nuevo.
spent = Su respuesta a través de este enlace ha quedado registrada. Para cambiarla, pida un enlace nuevo a la organización.
unknown = Este enlace no es válido. Compruebe que lo ha copiado completo.
failed = No se ha podido guardar su elección. Inténtelo de nuevo en un momento.
not-found = Aquí no hay ninguna página.
receipt = Descargar su recibo de { -consent } firmado
new-link = Enviarme un enlace nuevo
new-link-sent = Si este enlace era nuestro, se está enviando uno nuevo a la dirección a la que se envió.
verify-title = Comprobar un recibo de { -consent }
verify-intro = Pegue el contenido de un archivo de recibo (consent-receipt.jws). La firma del archivo muestra si es exactamente lo que emitió la organización.
verify-label = Recibo
verify-button = Comprobar
verify-valid = Válido: firmado por { $controller }
verify-invalid = No válido: este recibo se ha modificado o no lo ha emitido este servicio.
check-receipt = Comprobar un recibo
first-name = Nombre
last-name = Apellidos
email = Dirección de correo electrónico
optional = opcional
email-invalid = Introduzca una dirección de correo electrónico como name@example.org.
name-invalid = Utilice como máximo 200 caracteres, sin saltos de línea.
choose-required = Marque lo que acepta; los fines obligatorios forman parte del registro.
check-inbox = Ya casi está: le estamos enviando un enlace a su dirección de correo electrónico. Ábralo para confirmar su registro; hasta entonces, su { -consent } no se tiene en cuenta. ¿No ha recibido ningún correo en unos minutos? Revise su carpeta de correo no deseado o vuelva a registrarse más tarde.
form-changed = Este formulario se ha modificado mientras lo rellenaba. Vuelva a cargar la página y revise sus elecciones.
too-many = Demasiados registros a la vez. Inténtelo de nuevo más tarde.
not-open = Este formulario no admite registros.
confirm-title = Confirme su registro
confirm-button = Sí, confirmar mi registro
confirmed = Gracias: su registro está confirmado.
sign-up-expired = Este enlace de confirmación ha caducado. Vuelva a registrarse para recibir uno nuevo.
sign-up-spent = Su registro ya está confirmado; no tiene que hacer nada más.
sign-up = Registrarse
sign-up-stored = Cuando se registra, guardamos su nombre, su dirección de correo electrónico y lo que ha marcado, y le enviamos un enlace para confirmar.
kept-until = Conservamos su registro hasta el { $date }; si no se confirma, se eliminará en esa fecha.
whose-link = Este enlace se envió a { $address }.
whose-link-not-you = ¿No es su dirección? Entonces alguien le ha reenviado este mensaje: no responda en nombre de otra persona.
stop-title = ¿Detener el { -processing } de sus datos?
stop-meaning = La organización dejará de utilizar sus datos: no recibirá más correos electrónicos, y sus datos no se utilizan, comparten ni exportan mientras el { -processing } esté detenido. Se retira su { -consent } para cada fin. Sus datos se conservan, no se eliminan; para que se supriman, ejerza su { -right-to-erasure }.
stop-confirm = Sí, detener el tratamiento de mis datos
cancel = Cancelar
recorded-stop = Registrado: ha pedido que se detenga el { -processing } de sus datos. Se ha retirado su { -consent } para cada fin.
recorded-granted = Registrado: su { -consent } para { $purposes }.
recorded-nothing = Registrado: no ha dado su { -consent } para ningún fin.
granted = Consentimiento otorgado
refused = Consentimiento denegado
withdrawn = Consentimiento retirado
form-version = versión del formulario
untranslated = Parte de este formulario aún no está traducida a su idioma; esa parte se muestra en el idioma en que la redactó la organización.

## The privacy centre

privacy-failed = Algo ha fallado. Inténtelo de nuevo en un momento.
privacy-not-found = Aquí no hay ningún centro de privacidad.
privacy-title = Centro de privacidad
privacy-intro = Ejerza los derechos que le reconoce el { -gdpr } ante { $organisation }, { -controller } de sus { -personal-data }.
privacy-what-to-do = ¿Qué desea hacer?
privacy-email = Su dirección de correo electrónico
privacy-email-hint = Enviamos un código a esta dirección para asegurarnos de que es suya. Con ella encontramos sus datos.
privacy-details = Algo que añadir (opcional)
privacy-what-is-wrong = ¿Qué es incorrecto y cómo debería ser?
privacy-details-needed = Indique qué es incorrecto (2000 caracteres como máximo).
privacy-send-code = Enviarme un código
privacy-too-many = Demasiadas solicitudes a la vez. Inténtelo de nuevo más tarde.
privacy-code-sent = Le estamos enviando un código de seis dígitos a la dirección que ha introducido. Es válido durante 15 minutos; ¿no ha recibido ningún correo en unos minutos? Revise su carpeta de correo no deseado o vuelva a solicitarlo.
privacy-code = Código del correo electrónico
privacy-confirm = Confirmar mi solicitud
privacy-wrong-code = Ese código no es correcto. Revise el correo electrónico e inténtelo de nuevo.
privacy-code-expired = Este código ha caducado. Vuelva a cargar la página para empezar de nuevo.
privacy-code-locked = Demasiados códigos incorrectos. Vuelva a cargar la página para empezar de nuevo.
privacy-code-used = Esta solicitud ya se ha presentado.
privacy-filed = Su solicitud se ha presentado. Recibirá una respuesta a más tardar el { $date }.
privacy-complaint = Si considera que sus datos se tratan de forma indebida, también tiene derecho a { -lodge-complaint } y a { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Ver mis datos
right-access-meaning = Una copia de todos los { -personal-data } que la organización tiene sobre usted, con indicación de para qué se utilizan y de dónde proceden.
right-access-law = Su { -right-of-access } (artículo 15 del { -gdpr })
right-rectification-title = Corregir mis datos
right-rectification-meaning = Algún dato sobre usted es incorrecto o está incompleto: indique cómo debería ser.
right-rectification-law = Su { -right-to-rectification } (artículo 16 del { -gdpr })
right-portability-title = Llevar mis datos a otro lugar
right-portability-meaning = Los datos que usted facilitó, en un archivo que otro servicio puede leer.
right-portability-law = Su { -right-to-portability } (artículo 20 del { -gdpr })
right-erasure-title = Suprimir mis datos
right-erasure-meaning = Sus { -personal-data } se suprimen, salvo que la ley exija conservarlos.
right-erasure-law = Su { -right-to-erasure } (artículo 17 del { -gdpr })
right-restriction-title = Detener el tratamiento de mis datos
right-restriction-meaning = Sus datos se conservan, pero no se utilizan ni se comparten, ni se le envían correos, mientras se resuelve el asunto.
right-restriction-law = Su { -right-to-restriction } (artículo 18 del { -gdpr })
right-object-title = Oponerme al tratamiento
right-object-meaning = No está de acuerdo con el uso que se hace de sus datos, por ejemplo con fines de mercadotecnia directa.
right-object-law = Su { -right-to-object } (artículo 21 del { -gdpr })
