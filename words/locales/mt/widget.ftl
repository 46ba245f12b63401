# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Aċċetta kollox
widget-reject-all = Irrifjuta kollox
widget-customise = Ippersonalizza
widget-save = Salva l-għażliet
widget-close = Agħlaq
widget-first-name = Isem
widget-last-name = Kunjom
widget-email = Indirizz tal-email
widget-check-mail = Kważi lest: ikkonferma r-reġistrazzjoni tiegħek permezz tal-ħolqa fl-email li qed nibagħtulek.
widget-gpc-notice = Mitfi għax il-browser tiegħek jibgħat Global Privacy Control.
widget-privacy-policy = Politika tal-privatezza
widget-kept-until = Inżommu r-reġistrazzjoni tiegħek (ismek, l-indirizz tal-email tiegħek u l-għażliet tiegħek) sa { $date }; mingħajr konferma, titħassar dakinhar.
widget-placeholder = Dan il-kontenut ġej minn { $source } u jibqa’ mblukkat sakemm tagħti l-{ -consent } tiegħek għal “{ $purpose }”.
widget-load-once = Għabbih
widget-always-allow = Dejjem ippermetti
widget-reload-hint = Dak li diġà qed jaħdem jieqaf biss meta terġa’ ttella’ l-paġna.
widget-reload = Erġa’ tella’ l-paġna
widget-do-not-sell = Tbigħux u taqsmux l-informazzjoni personali tiegħi
widget-ok = OK
