# As etiquetas próprias do widget de consentimento no sítio Web da organização.
# Placeholders ({ $name }) must stay as they are.

widget-accept-all = Aceitar tudo
widget-reject-all = Rejeitar tudo
widget-customise = Personalizar
widget-save = Guardar escolhas
widget-close = Fechar
widget-first-name = Nome próprio
widget-last-name = Apelido
widget-email = Endereço de e-mail
widget-check-mail = Quase concluído: confirme a sua inscrição através da ligação no e-mail que lhe estamos a enviar.
widget-gpc-notice = Desativado porque o seu navegador envia Global Privacy Control.
widget-privacy-policy = Política de privacidade
widget-kept-until = Guardamos a sua inscrição (o seu nome, endereço de e-mail e escolhas) até { $date }; sem confirmação, é eliminada nessa data.
widget-placeholder = Este conteúdo provém de { $source } e permanece bloqueado até que dê o seu { -consent } para «{ $purpose }».
widget-load-once = Carregar
widget-always-allow = Permitir sempre
widget-reload-hint = O que já está em execução só para quando recarregar a página.
widget-reload = Recarregar a página
widget-do-not-sell = Não vender nem partilhar as minhas informações pessoais
widget-ok = OK
