# Las etiquetas propias del widget de consentimiento en el sitio web de la organización (los textos
# del banner son los del formulario). Las variables ({ $name }) se dejan tal cual.

widget-accept-all = Aceptar todo
widget-reject-all = Rechazar todo
widget-customise = Personalizar
widget-save = Guardar selección
widget-close = Cerrar
widget-first-name = Nombre
widget-last-name = Apellidos
widget-email = Dirección de correo electrónico
widget-check-mail = Ya casi está: confirme su registro mediante el enlace del correo electrónico que le estamos enviando.
widget-gpc-notice = Desactivado porque su navegador envía Global Privacy Control.
widget-privacy-policy = Política de privacidad
widget-kept-until = Conservamos su registro (su nombre, su dirección de correo electrónico y sus elecciones) hasta el { $date }; si no se confirma, se eliminará en esa fecha.
widget-placeholder = Este contenido procede de { $source } y permanece bloqueado hasta que dé su { -consent } a «{ $purpose }».
widget-load-once = Cargar una vez
widget-always-allow = Permitir siempre
widget-reload-hint = Lo que ya se está ejecutando solo se detiene cuando vuelve a cargar la página.
widget-reload = Volver a cargar la página
widget-do-not-sell = No vender ni compartir mi información personal
widget-ok = Aceptar
