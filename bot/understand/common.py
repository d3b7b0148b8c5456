"""Everyday English words that are never "corrected" into a model name.

A typo fix turns an unknown word into the nearest word of some model's name, one or two edits
away. With a few hundred models that is safe; with thousands of names in the catalog, ordinary
words start to sit within two edits of one ("better" -> "bender"), and a question stops meaning
what it says. A real word is read as itself.
"""

from __future__ import annotations

COMMON_WORDS = frozenset(
    """
    a about above actually after again against ago all almost already also although always am
    among an and another answer answered answering answers any anybody anyone anything anyway
    anywhere app apps are around as ask asked asking assistant at available away back bad
    badly based basically be because become been before being below benchmark benchmarks best
    better between big bigger biggest bill bit both boss bot bots brain build building built
    but buy by call calling calls can cannot cant care case cases chart charts chat chatbot
    cheap cheaper cheapest check choice choose chose clear clearly code coder coding come
    comes company compare compared comparing comparison context cool correct cost costs could
    couple current currently customer customers data day days deal decent decide deploy did
    didnt difference different do does doesnt doing done dont down each easy either else email
    emails english enough error errors essay even ever every everyone everything exactly
    example expensive explain fact far fast faster fastest feel feels few file files find fine
    first fix follow following for format free french friend friends from full function
    functions game games general generally german get gets getting give given gives go goes
    going good got great guess guys had half hard has have having he hear heard hello help
    helps her here hey hi high higher highest him his homework honestly hour hours how however
    huge i idea if image images important in instead instructions into is isnt issue issues it
    its itself japanese java javascript job jobs just keep kind know knows language languages
    large larger largest last late lately later latest least left less let like likes line
    list little local logic long longer longest look looking looks lot lots low lower lowest
    made main make makes making many math maths matter may maybe me mean means memory mind
    minute minutes model models moment money month months more most much must my myself
    need needs never new newer newest next nice no none nope nor not nothing now number of off
    often ok okay old older oldest on once one ones only open or order other others our out
    over own paper pay people per phone pick place please pls point power pretty price prices
    pricing probably problem problems project prompt prompts pros put python question questions
    quick quickly quite rather read reading real really reason reasons recent recently
    recommend recommendation release released report research right run running rust said same
    say says school score scored scores second see seem seems sense server set setup she short
    should show side since small smaller smallest smart smarter smartest so solid some someone
    something sometimes soon sort source spanish speed spend stack start still stories story
    strong stronger strongest stuff such summary support sure switch table tables take task
    tasks team tell test tested testing tests text than thank thanks that thats the their them
    then there these they thing things think this those though thought three through time
    times to today together token tokens too tool tools top translate translation tried true
    try trying two type under understand until up update updated us usage use used useful
    using usually version versions very vs want wanted wants was way ways we week weeks well
    went were what whats when where whether which while who whole why will window with without
    wonder word words work worked working works world worse worst worth would write writing
    wrong year years yes yet you your
    """.split()  # noqa: SIM905 - a word list reads better as text
)
