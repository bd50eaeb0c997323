/** Second half of the small-talk pool (see distractors-a.ts). Each entry is [user message, assistant reply]. */
export const DISTRACTORS_B: [string, string][] = [
  [
    "How do I make a strong password that I can still remember?",
    "Use a passphrase of four or five random words with a number, and keep it in a password manager.",
  ],
  [
    "My laptop fan is really loud, what can I do?",
    "Clean the vents with compressed air, keep it on a hard surface, and check for programs using lots of CPU.",
  ],
  [
    "What's the difference between RAM and storage?",
    "RAM is short-term working memory that empties when you switch off; storage keeps your files permanently.",
  ],
  [
    "How can I back up my photos automatically?",
    "Turn on your phone's cloud photo backup, or set a computer to copy them to an external drive every week.",
  ],
  [
    "Why is my wifi slower in the evenings?",
    "More people in your area are online, so the network is busier. Moving the router higher and central can also help.",
  ],
  [
    "Can you explain what a spreadsheet pivot table does?",
    "It summarises rows of data by grouping them, for example total sales per month per region, without formulas.",
  ],
  [
    "How do I take a screenshot on a Mac?",
    "Press Shift, Command and 3 for the whole screen, or Shift, Command and 4 to select an area.",
  ],
  [
    "What does it mean when an app asks for location 'always'?",
    "It can see where you are even when you're not using it. 'While using the app' is usually enough.",
  ],
  [
    "Should I turn my router off at night?",
    "It isn't necessary, but restarting it now and then can clear up slow connections.",
  ],
  [
    "What's a good free app for taking notes?",
    "Google Keep is simple, Obsidian is great for linked notes, and Apple Notes is handy if you're on an iPhone.",
  ],
  [
    "Can you explain compound interest simply?",
    "You earn interest on your interest: each year's growth is added to the pot, so the next year grows from a bigger base.",
  ],
  [
    "What's the 50/30/20 budgeting rule?",
    "Fifty percent of income on needs, thirty on wants and twenty on saving or paying off debt.",
  ],
  [
    "Is it better to pay off debt or save first?",
    "Usually build a small emergency fund first, then clear high-interest debt, then save more.",
  ],
  [
    "How do index funds work?",
    "They buy all the shares in a market index, so you get the market's average return with low fees.",
  ],
  [
    "What's the difference between a credit score and a credit report?",
    "The report lists your borrowing history; the score is a number that lenders calculate from it.",
  ],
  [
    "How can I lower my energy bills?",
    "Draught-proof doors and windows, turn the thermostat down a degree, and run full loads in the washing machine.",
  ],
  [
    "Is renting or buying better in the long run?",
    "It depends on prices, interest rates and how long you'll stay; buying tends to pay off if you stay more than five to seven years.",
  ],
  [
    "What's an ISA?",
    "A UK savings or investment account where the interest and gains are tax-free, up to an annual allowance.",
  ],
  [
    "How do I read a payslip?",
    "Start with gross pay, then look at deductions such as tax, national insurance and pension, which leave your net pay.",
  ],
  [
    "Can you help me understand inflation?",
    "Inflation is the general rise in prices over time, which means the same money buys a little less each year.",
  ],
  [
    "Can you help me write a polite complaint email to a delivery company?",
    "Of course. Give the order number, what went wrong, what you'd like them to do, and a reasonable deadline for a reply.",
  ],
  [
    "How do I write a short bio for a conference programme?",
    "Write in the third person, two or three sentences: your role, your main area of work and one notable achievement.",
  ],
  [
    "Can you proofread this sentence: 'Their going to the park tomorow'?",
    "It should read: 'They're going to the park tomorrow.'",
  ],
  [
    "What's the difference between 'affect' and 'effect'?",
    "'Affect' is usually the verb (to influence) and 'effect' the noun (the result).",
  ],
  [
    "Give me a synonym for 'important' that sounds less boring.",
    "Try 'crucial', 'pivotal', 'vital' or 'significant', depending on the tone.",
  ],
  [
    "How do I end a formal email?",
    "'Kind regards' or 'Best regards' followed by your full name works in almost every situation.",
  ],
  [
    "Can you summarise the main causes of the First World War?",
    "Historians often cite militarism, alliances, imperialism and nationalism, with the assassination of Archduke Franz Ferdinand as the spark.",
  ],
  [
    "Write me a haiku about autumn.",
    "Red leaves drift and fall / the cold wind hums through bare trees / soup steams on the stove.",
  ],
  [
    "What's a good opening line for a speech?",
    "Start with a short surprising fact or a one-sentence story, then say why it matters to the audience.",
  ],
  [
    "How do I cite a website in APA style?",
    "Author, year, title in italics, site name and URL, for example: Smith, J. (2024). Title. Site. https://example.org",
  ],
  [
    "How often should I water a cactus?",
    "Roughly every two to three weeks in summer and hardly at all in winter; let the soil dry out completely.",
  ],
  [
    "Why are the leaves on my houseplant turning yellow?",
    "Overwatering is the most common cause; check that the pot drains and let the top of the soil dry between waterings.",
  ],
  [
    "When should I plant tulip bulbs?",
    "In autumn, ideally October or November, about three times as deep as the bulb is tall.",
  ],
  [
    "How do I get rid of aphids without chemicals?",
    "Spray them off with water, wipe them with soapy water, or encourage ladybirds into the garden.",
  ],
  [
    "What vegetables are easy to grow on a balcony?",
    "Cherry tomatoes, salad leaves, radishes, chillies and herbs all do well in pots.",
  ],
  [
    "How do I fix a dripping tap?",
    "Turn off the water supply, take the tap apart and replace the worn washer or cartridge.",
  ],
  [
    "What's the best way to remove mould from a bathroom ceiling?",
    "Use a mould spray or diluted bleach, ventilate well, and run an extractor fan after showers to stop it coming back.",
  ],
  [
    "How do I hang a heavy mirror on plasterboard?",
    "Use heavy-duty plasterboard fixings or, better, screw into a stud; check the weight rating before you hang it.",
  ],
  [
    "Which paint finish is best for a kitchen?",
    "Eggshell or satin, because they're wipeable and cope with moisture better than matt.",
  ],
  [
    "How can I make a small room look bigger?",
    "Use light colours, a large mirror, furniture with legs and fewer, larger pieces rather than lots of small ones.",
  ],
  [
    "How do I get a red wine stain out of a carpet?",
    "Blot, don't rub, then apply cold water and a little washing-up liquid, or cover it with salt to draw it out.",
  ],
  [
    "What's the quickest way to defrost a freezer?",
    "Switch it off, put bowls of hot water inside and shut the door; the ice loosens in about half an hour.",
  ],
  [
    "Any tips for decluttering a wardrobe?",
    "Take everything out, keep only what you've worn in the past year, and donate the rest the same day.",
  ],
  ["How often should I wash my bedsheets?", "Once a week is the usual advice, or every two weeks at most."],
  [
    "What's a good beginner strength workout?",
    "Three rounds of squats, push-ups, rows, lunges and a plank, twice a week, is a great start.",
  ],
  [
    "How do I start running if I've never done it?",
    "Try a walk-run plan such as Couch to 5K: short running intervals that grow over nine weeks.",
  ],
  [
    "Is yoga or pilates better for core strength?",
    "Both help; pilates focuses more directly on the core, while yoga adds more flexibility and balance.",
  ],
  [
    "How many steps a day is actually healthy?",
    "Benefits keep rising up to about 8,000 to 10,000 steps, but any increase from your current level helps.",
  ],
  [
    "What's a good stretch for tight hamstrings?",
    "Lie on your back with a strap around one foot and gently raise the straight leg until you feel a stretch.",
  ],
  [
    "How do I keep motivated to go to the gym?",
    "Book sessions like appointments, train with a friend and track small wins such as extra reps.",
  ],
  [
    "Why is the sky blue?",
    "Air molecules scatter short blue wavelengths of sunlight more than red ones, so blue light reaches us from all directions.",
  ],
  ["How far away is the moon?", "About 384,000 kilometres on average."],
  ["What's the tallest mountain in the world?", "Mount Everest, at about 8,849 metres above sea level."],
  [
    "How do bees make honey?",
    "They collect nectar, break it down with enzymes and fan it with their wings in the comb until most of the water evaporates.",
  ],
  [
    "Why do cats purr?",
    "Mostly when content, but also to soothe themselves when stressed; the vibration may even help healing.",
  ],
  ["What's the capital of Australia?", "Canberra, not Sydney as many people think."],
  ["How many bones are in the human body?", "An adult has 206 bones."],
  [
    "What's the longest river in the world?",
    "It's usually given as the Nile, though some measurements put the Amazon slightly ahead.",
  ],
  [
    "Why do we have leap years?",
    "A year is about 365.24 days, so an extra day every four years keeps the calendar aligned with the seasons.",
  ],
  ["What language has the most native speakers?", "Mandarin Chinese, followed by Spanish and English."],
  [
    "What's a good app for learning a language?",
    "Duolingo is fun for habits, but pairing it with a podcast or a conversation partner speeds things up.",
  ],
  [
    "How long does it take to learn to touch type?",
    "With fifteen minutes of practice a day, most people get comfortable within a month or two.",
  ],
  [
    "What's the best way to memorise vocabulary?",
    "Spaced repetition flashcards, such as Anki, plus using new words in sentences.",
  ],
  [
    "How do I get better at public speaking?",
    "Practise out loud, record yourself, and start with small audiences such as a team meeting.",
  ],
  [
    "Is it too late to learn a musical instrument as an adult?",
    "Not at all; adults often progress quickly because they practise more deliberately.",
  ],
  [
    "What's a good first camera for a beginner?",
    "A second-hand mirrorless camera with a kit lens is great value; your phone is also a fine place to learn composition.",
  ],
  [
    "How do I take better photos with my phone?",
    "Clean the lens, use natural light, tap to focus, and follow the rule of thirds.",
  ],
  [
    "Can you suggest a relaxing hobby that doesn't need much space?",
    "Sketching, knitting, jigsaw puzzles or learning calligraphy all fit in a small flat.",
  ],
  [
    "How do I start journaling?",
    "Write three lines each evening: something that happened, something you felt and something you're grateful for.",
  ],
  [
    "What's a nice day trip idea for a sunny Sunday?",
    "Pack a picnic and head to the nearest coast or nature reserve; a walk plus a pub lunch is a classic.",
  ],
  [
    "How do I make cold brew coffee?",
    "Mix coarse ground coffee with cold water at about one to eight, steep for 12 to 18 hours in the fridge, then strain.",
  ],
  [
    "What wine goes with mushroom risotto?",
    "A dry white such as Chardonnay or a light red like Pinot Noir both pair nicely.",
  ],
  [
    "Can you suggest a non-alcoholic drink for a party?",
    "A sparkling elderflower and cucumber punch, or ginger beer with lime and mint, always goes down well.",
  ],
  [
    "How do I make a really good cup of tea?",
    "Use freshly boiled water, let it steep for three to five minutes, and add milk after if you take it.",
  ],
  [
    "What's the difference between a latte and a flat white?",
    "A flat white has less milk and a thinner layer of microfoam, so the coffee tastes stronger.",
  ],
  [
    "What's a fun thing to do on a first date?",
    "Something with a shared activity helps conversation: a market, a gallery, mini golf or a cooking class.",
  ],
  [
    "How do I stop procrastinating?",
    "Break the task into a tiny first step, set a timer for 25 minutes, and remove distractions like your phone.",
  ],
  [
    "How do I become a morning person?",
    "Go to bed earlier gradually, get sunlight soon after waking and keep the same schedule at weekends.",
  ],
  [
    "What should I do when I can't fall asleep?",
    "If you're awake for more than twenty minutes, get up, do something calm in dim light and return when sleepy.",
  ],
  [
    "Any tips for a long-haul flight?",
    "Walk the aisle every couple of hours, drink water, wear layers and bring an eye mask and earplugs.",
  ],
];
