"""Words for the national data set (see generate.py): topics, questions and report subjects.

Each topic gives the section a finding sits in and phrases that complete "The force should ...":
areas for improvement, recommendations, one cause of concern and practice worth sharing.
"""

# key: (section, areas for improvement, recommendations, cause of concern, practice)
# fmt: off
TOPICS = {
    "call_handling": (
        "Responding to the public",
        ["improve how quickly it answers emergency and non-emergency calls",
         "make sure that call handlers use a structured process to assess risk and vulnerability "
         "at first contact",
         "make sure it attends incidents within the times it has set, and tells callers when "
         "attendance will be delayed"],
        ["make sure that it answers emergency and non-emergency calls within national standards",
         "make sure that call handlers identify repeat and vulnerable callers and record the "
         "risk assessment they complete"],
        "isn't answering calls from the public quickly enough, and doesn't always identify "
        "vulnerability and risk when it does",
        "a mental health triage desk in its control room, so that callers in crisis get advice "
        "from a clinician at first contact",
    ),
    "crime_recording": (
        "Recording data about crime",
        ["improve the accuracy of its crime recording, particularly for violent crime",
         "make sure it records reports of crime within 24 hours, in line with the national crime "
         "recording standard",
         "make sure that recorded crimes are cancelled only when there is additional verifiable "
         "information"],
        ["review its crime recording processes so that all reported crimes are recorded within "
         "24 hours",
         "make sure that officers and staff are trained in the Home Office counting rules"],
        "doesn't record enough of the crimes reported to it, so some victims aren't getting the "
        "service they deserve",
        "a crime recording audit team that reviews incidents every day and feeds lessons back to "
        "officers",
    ),
    "investigation": (
        "Investigating crime",
        ["make sure that investigations are allocated to officers with the right skills and "
         "experience",
         "improve the supervision of investigations so that all lines of enquiry are completed",
         "make sure that victims are updated regularly and that the reasons why they withdraw "
         "support are recorded"],
        ["make sure that supervisors review investigations regularly and record their direction",
         "make sure that investigators have the capacity and skills to carry out effective "
         "investigations"],
        "isn't investigating crime effectively: too many investigations aren't properly "
        "supervised and victims don't get the service they need",
        "an investigation standards team that reviews a sample of cases every month and coaches "
        "investigators",
    ),
    "vulnerability": (
        "Protecting vulnerable people",
        ["improve how it identifies and responds to vulnerable people at the first point of "
         "contact",
         "make sure that its officers and staff understand how to identify and record "
         "vulnerability",
         "improve how it shares information about vulnerable people with partner organisations"],
        ["make sure that risk assessments for vulnerable people are completed and reviewed by a "
         "supervisor",
         "make sure that safeguarding referrals are made to partner organisations without delay"],
        "isn't doing enough to protect vulnerable people, and its response to them is inconsistent",
        "a vulnerability hub where officers, social workers and health staff sit together and "
        "share information in real time",
    ),
    "domestic_abuse": (
        "Domestic abuse",
        ["improve how it uses the domestic abuse, stalking and harassment risk assessment",
         "make sure it uses domestic violence protection notices and orders whenever they are "
         "appropriate",
         "improve the quality of its investigations of domestic abuse crimes"],
        ["make sure that every victim of domestic abuse has a risk assessment reviewed by a "
         "trained supervisor",
         "make sure that officers take positive action at domestic abuse incidents, including "
         "arrest when appropriate"],
        "isn't responding well enough to victims of domestic abuse",
        "a domestic abuse car staffed by an officer and an independent domestic violence adviser "
        "at weekends",
    ),
    "child_protection": (
        "Child protection",
        ["improve the quality of its initial response to children at risk of harm",
         "make sure that the voice of the child is recorded in its investigations",
         "improve how it assesses the risk to children who go missing repeatedly"],
        ["make sure that every child taken into police protection has the decision reviewed by "
         "an inspector",
         "make sure that strategy discussions with children's social care take place within "
         "agreed timescales"],
        "isn't consistently identifying and protecting children at risk of harm",
        "a child exploitation team that works with schools to identify children at risk early",
    ),
    "missing": (
        "Missing people",
        ["improve how it grades the risk to people reported missing",
         "make sure that return home interviews are used to understand why people go missing"],
        ["make sure that every missing person investigation is supervised and the risk grading "
         "reviewed"],
        "isn't managing the risk to people who go missing well enough",
        "a missing persons coordinator who works with care homes to reduce repeat episodes",
    ),
    "mental_health": (
        "Mental health",
        ["improve how it works with health partners to respond to people with mental health needs",
         "make sure that officers record when mental health is a factor in an incident"],
        ["agree with health partners how people in mental health crisis will be supported"],
        "relies too much on police officers to respond to people in mental health crisis",
        "a street triage scheme in which mental health nurses attend incidents with officers",
    ),
    "offender_management": (
        "Managing offenders",
        ["make sure it has enough trained staff to manage registered sex offenders",
         "improve how it manages the risk posed by registered sex offenders",
         "make sure that home visits to registered sex offenders take place on time"],
        ["reduce the backlog of risk assessments for registered sex offenders",
         "make sure that its integrated offender management scheme focuses on those who cause "
         "most harm"],
        "isn't managing the risk posed by registered sex offenders well enough",
        "an integrated offender management scheme that finds work placements for offenders "
        "leaving prison",
    ),
    "soc": (
        "Tackling serious and organised crime",
        ["improve its understanding of serious and organised crime by producing a local profile "
         "with its partners",
         "make sure that lead responsible officers prepare 4P plans for all organised crime groups",
         "improve how it records disruptions of serious and organised crime"],
        ["make sure that its serious and organised crime local profile is up to date and shared "
         "with partner organisations",
         "make sure that organised crime groups are mapped and managed using 4P plans"],
        "doesn't understand the threat from serious and organised crime well enough to tackle it "
        "effectively",
        "a serious and organised crime partnership board that uses the local profile to direct "
        "joint work",
    ),
    "prevention": (
        "Preventing crime",
        ["make sure it has a clear plan for neighbourhood policing and prevention",
         "improve how it uses problem-solving to tackle crime and anti-social behaviour",
         "make sure that neighbourhood officers are not routinely taken away from their "
         "neighbourhood duties"],
        ["make sure that neighbourhood teams have the time and training to solve problems"],
        "has reduced neighbourhood policing to the point that it can no longer prevent crime "
        "effectively",
        "a problem-solving hub that helps neighbourhood teams share what works",
    ),
    "asb": (
        "Anti-social behaviour",
        ["improve how it identifies repeat and vulnerable victims of anti-social behaviour",
         "make sure that it evaluates the effect of its work to tackle anti-social behaviour"],
        ["make sure that victims of anti-social behaviour have their risk assessed"],
        "isn't responding well enough to victims of anti-social behaviour",
        "an anti-social behaviour app that lets residents report and follow cases",
    ),
    "stop_search": (
        "Treatment of the public",
        ["make sure that officers properly record their grounds for stop and search",
         "improve how it monitors and explains the disproportionate use of stop and search",
         "make sure that use of force is recorded and scrutinised"],
        ["make sure that supervisors review the grounds recorded for every stop and search",
         "make sure that its external scrutiny panels review body-worn video of stop and search "
         "encounters"],
        "can't show that it uses stop and search fairly and lawfully",
        "a youth scrutiny panel that reviews body-worn video of stop and search encounters",
    ),
    "hate_crime": (
        "Hate crime",
        ["improve how it identifies and records hate crime",
         "make sure that victims of hate crime receive an enhanced service"],
        ["make sure that every hate crime has a risk assessment completed"],
        "isn't identifying and supporting victims of hate crime consistently",
        "third-party reporting centres for hate crime in community venues",
    ),
    "vetting": (
        "Vetting and counter-corruption",
        ["make sure that all its officers and staff have the appropriate level of vetting",
         "improve how it manages the vetting of officers and staff in posts needing enhanced "
         "clearance"],
        ["make sure that its vetting decisions are recorded with a rationale and reviewed",
         "make sure that it complies with all the provisions of the vetting code of practice"],
        "has a backlog of vetting renewals, so it can't be sure its workforce is suitable",
        "a vetting team that reviews social media checks for every new recruit",
    ),
    "integrity": (
        "Ethical behaviour",
        ["make sure that its counter-corruption unit has enough capacity to manage the "
         "intelligence it receives",
         "improve how it identifies officers and staff who may abuse their position for a sexual "
         "purpose",
         "make sure that it monitors its IT systems to identify misuse"],
        ["make sure that its counter-corruption unit can monitor all its IT systems",
         "make sure that it treats abuse of position for a sexual purpose as serious corruption"],
        "isn't able to identify and deal with corruption effectively",
        "an ethics committee of officers, staff and members of the public that discusses "
        "difficult decisions",
    ),
    "workforce": (
        "Developing a positive workplace",
        ["improve how it understands and supports the wellbeing of its workforce",
         "make sure that its performance and development reviews are meaningful",
         "improve how it attracts and retains a workforce that reflects its communities"],
        ["make sure that it understands the workloads of its officers and staff"],
        "doesn't understand the wellbeing needs of its workforce well enough",
        "a wellbeing dog scheme and trauma risk management for staff after difficult incidents",
    ),
    "resources": (
        "Use of resources",
        ["improve its understanding of demand, including demand that is hidden",
         "make sure that its workforce plan is based on a good understanding of demand",
         "make sure it has a financial plan that is realistic and sustainable"],
        ["make sure that its workforce plan matches the skills of its people to the demand it "
         "faces"],
        "can't show that it is making the best use of its resources",
        "a demand model that lets the force test changes to shift patterns before it makes them",
    ),
    "leadership": (
        "Leadership and force management",
        ["improve how it develops its leaders at every rank",
         "make sure that its leaders communicate clear priorities to the workforce"],
        ["make sure that it has a plan to develop leaders for the future"],
        "isn't led well enough to bring about the improvements it needs",
        "a leadership programme for sergeants and staff supervisors run with a local university",
    ),
    "custody": (
        "Custody",
        ["make sure that detainees are seen promptly by healthcare staff when needed",
         "improve the quality of risk assessments carried out when detainees arrive in custody",
         "make sure that reviews of detention under the Police and Criminal Evidence Act 1984 "
         "are carried out on time",
         "make sure that strip-searches are justified, authorised and recorded",
         "make sure that children are not detained overnight unless it is unavoidable",
         "improve the cleanliness and maintenance of its custody suites",
         "make sure that detainees are told about their rights and entitlements in a way they "
         "understand",
         "make sure that pre-release risk assessments are completed for every detainee"],
        ["make sure that every detainee is assessed for risk on arrival and the assessment is "
         "reviewed",
         "make sure that its custody suites are free of ligature points"],
        "isn't keeping detainees safe in its custody suites",
        "a liaison and diversion service in custody that refers detainees to support",
    ),
    "digital": (
        "Digital forensics and cyber crime",
        ["reduce the time it takes to examine digital devices",
         "make sure that investigators understand how to obtain and use digital evidence"],
        ["reduce the backlog of digital devices awaiting examination"],
        "has a backlog of digital devices that is delaying investigations",
        "digital media investigators who support every major investigation",
    ),
    "fraud": (
        "Fraud",
        ["improve how it responds to reports of fraud passed to it by Action Fraud",
         "make sure that vulnerable victims of fraud are identified and supported"],
        ["make sure it has a fraud strategy and enough investigators to deliver it"],
        "isn't giving victims of fraud a good enough service",
        "a fraud protect officer who visits older victims of doorstep and online fraud",
    ),
    "rasso": (
        "Rape and serious sexual offences",
        ["improve the quality of its investigations of rape and serious sexual offences",
         "make sure that victims of rape are supported throughout the investigation"],
        ["make sure that rape investigations are carried out by specially trained officers",
         "work with the Crown Prosecution Service to reduce delays in rape cases"],
        "isn't investigating rape well enough, and too many victims withdraw their support",
        "a rape investigation team that follows the Operation Soteria approach",
    ),
    "victims": (
        "Supporting victims",
        ["make sure that it complies with the Code of Practice for Victims of Crime",
         "make sure that victims' needs are assessed and recorded"],
        ["make sure that victims are referred to support services when they need them"],
        "isn't meeting its obligations under the Victims' Code",
        "a victim care unit that contacts every victim within 48 hours",
    ),
    "firearms_licensing": (
        "Firearms licensing",
        ["make sure that firearms licensing staff are trained and accredited",
         "reduce the backlog of firearms certificate renewals"],
        ["make sure that it follows the statutory guidance on firearms licensing"],
        "has firearms licensing processes that put the public at risk",
        "a firearms licensing team that checks medical records for every applicant",
    ),
    "roads": (
        "Roads policing",
        ["make sure that its roads policing strategy is based on an assessment of risk"],
        ["make sure it has enough trained roads policing officers"],
        "can't show that it is reducing the number of people killed or seriously injured on its "
        "roads",
        "a road safety partnership that uses casualty data to target enforcement",
    ),
    "data": (
        "Information management",
        ["improve the quality of the data in its records management system",
         "make sure that its information management practices comply with national guidance"],
        ["make sure that it reviews and deletes records in line with national guidance"],
        "holds data of such poor quality that it can't manage risk properly",
        "a data quality team that corrects duplicate records every week",
    ),
}
# fmt: on

# Graded questions: (question, topics its findings come from).
# fmt: off
PILLAR_QUESTIONS = {
    "effectiveness": [
        (
            "Preventing crime and anti-social behaviour",
            ["prevention", "asb"],
        ),
        (
            "Investigating crime and managing offenders",
            ["investigation", "offender_management"],
        ),
        (
            "Protecting vulnerable people and supporting victims",
            ["vulnerability", "domestic_abuse", "missing", "mental_health", "victims"],
        ),
        (
            "Tackling serious and organised crime, including national policing responsibilities",
            ["soc"],
        ),
    ],
    "efficiency": [
        (
            "How well does the force understand demand?",
            ["resources", "call_handling"],
        ),
        (
            "How well does the force use its resources?",
            ["resources", "workforce"],
        ),
        (
            "How well is the force planning for demand in the future?",
            ["resources", "data"],
        ),
    ],
    "legitimacy": [
        (
            "How well does the force treat the people it serves with fairness and respect?",
            ["stop_search", "hate_crime"],
        ),
        (
            "How well does the force ensure that its workforce behaves ethically and lawfully?",
            ["integrity", "vetting"],
        ),
        (
            "How well does the force treat its workforce with fairness and respect?",
            ["workforce", "leadership"],
        ),
    ],
    "leadership": [
        (
            "Leadership",
            ["leadership", "workforce"],
        ),
    ],
}
# fmt: on
PILLAR_OVERALL = {
    "effectiveness": "Overall effectiveness: keeping people safe and reducing crime",
    "efficiency": "Overall efficiency: keeping people safe and reducing crime",
    "legitimacy": "Overall legitimacy: keeping people safe and reducing crime",
}
PEEL_2018_QUESTIONS = [
    (f"How {adjective} is the force at keeping people safe and reducing crime?", topics)
    for adjective, topics in [
        ("effective", ["prevention", "investigation", "vulnerability", "soc"]),
        ("efficient", ["resources", "call_handling", "data"]),
        ("legitimate", ["stop_search", "integrity", "workforce"]),
    ]
]
# The PEEL 2021/22 areas, graded on the five-tier scale (SOC is graded in the regional reports).
PEEL_AREAS = [
    ("Recording data about crime", ["crime_recording"]),
    ("Treatment of the public", ["stop_search", "hate_crime"]),
    ("Preventing crime", ["prevention", "asb"]),
    ("Responding to the public", ["call_handling"]),
    ("Investigating crime", ["investigation", "victims", "rasso"]),
    ("Protecting vulnerable people", ["vulnerability", "domestic_abuse", "child_protection"]),
    ("Managing offenders", ["offender_management"]),
    ("Developing a positive workplace", ["workforce", "vetting", "integrity"]),
    ("Use of resources", ["resources", "leadership", "data"]),
]
SOC_QUESTION = "Tackling serious and organised crime"
SOC_SECTIONS = [
    "Understanding SOC and setting priorities to tackle it",
    "Resources and skills",
    "Tackling SOC and safeguarding people and communities",
]

# Per-force series published before PEEL and alongside it:
# (key, year, programme, topics, title with {force}).
# fmt: off
FORCE_SERIES = [
    ("adapting-to-austerity", 2011, "other", "resources",
     "Adapting to austerity: {force}"),
    ("asb", 2012, "thematic", "asb call_handling",
     "A step in the right direction: the policing of anti-social behaviour – {force}"),
    ("police-relationships", 2012, "thematic", "integrity",
     "Revisiting police relationships: {force}"),
    ("policing-in-austerity", 2012, "other", "resources workforce",
     "Policing in austerity: one year on – {force}"),
    ("policing-in-austerity", 2013, "other", "resources workforce",
     "Policing in austerity: rising to the challenge – {force}"),
    ("stop-and-search", 2013, "thematic", "stop_search",
     "Stop and search powers: are the police using them effectively and fairly? – {force}"),
    ("domestic-abuse", 2014, "thematic", "domestic_abuse vulnerability",
     "{force}'s approach to tackling domestic abuse"),
    ("integrity", 2014, "thematic", "integrity vetting",
     "Police integrity and corruption: {force}"),
    ("crime-data-integrity", 2014, "crime_data_integrity", "crime_recording",
     "Crime data integrity: inspection of {force}"),
    ("crime-inspection", 2014, "other", "investigation prevention victims",
     "Crime inspection 2014: {force}"),
    ("policing-in-austerity", 2014, "other", "resources",
     "Policing in austerity: meeting the challenge – {force}"),
    ("best-use-of-stop-and-search", 2016, "thematic", "stop_search",
     "Best use of stop and search: revisit – {force}"),
]
# fmt: on

JTAI_THEMES = [
    "children living with domestic abuse",
    "child sexual exploitation and children missing from home, care or education",
    "children's mental health",
    "child sexual abuse in the family environment",
    "children and families who need help",
    "serious youth violence",
]

# National or thematic subjects: (key, programme, coverage, first year, last year, topics, title).
# Coverage: "all" forces, a "sample" of fieldwork forces (which may get their own reports), or
# the "rocus".
# fmt: off
SUBJECTS = [
    ("state-of-policing", "thematic", "all", 2013, 2025, "leadership resources investigation",
     "State of Policing: the annual assessment of policing in England and Wales"),
    ("domestic-abuse", "thematic", "all", 2014, 2025, "domestic_abuse",
     "Everyone's business: improving the police response to domestic abuse"),
    ("missing-children", "thematic", "sample", 2015, 2025, "missing child_protection",
     "Missing children: who cares? The police response to missing and absent children"),
    ("mental-health", "thematic", "all", 2017, 2025, "mental_health",
     "Picking up the pieces: the police response to people with mental health needs"),
    ("rape", "joint", "sample", 2019, 2025, "rasso victims",
     "A joint thematic inspection of the police and CPS response to rape"),
    ("stalking", "joint", "sample", 2016, 2025, "domestic_abuse victims",
     "Living in fear: the police and CPS response to harassment and stalking"),
    ("hate-crime", "thematic", "sample", 2013, 2025, "hate_crime",
     "Understanding the difference: the initial police response to hate crime"),
    ("crime-recording", "crime_data_integrity", "all", 2014, 2025, "crime_recording",
     "Crime-recording: making the victim count"),
    ("core-business", "thematic", "all", 2014, 2020, "prevention call_handling",
     "Core business: an inspection into crime prevention, police attendance and the use of "
     "police time"),
    ("stop-and-search", "thematic", "all", 2013, 2025, "stop_search",
     "Stop and search powers: are the police using them effectively and fairly?"),
    ("disproportionality", "thematic", "all", 2020, 2025, "stop_search",
     "Disproportionate use of police powers: a spotlight on stop and search and the use of force"),
    ("vetting", "thematic", "all", 2016, 2025, "vetting integrity",
     "An inspection of vetting, misconduct, and misogyny in the police service"),
    ("abuse-of-position", "thematic", "all", 2016, 2025, "integrity",
     "Shining a light on betrayal: abuse of position for a sexual purpose"),
    ("online-child-abuse", "thematic", "sample", 2015, 2025, "child_protection digital",
     "An inspection of how well the police and National Crime Agency tackle the online sexual "
     "abuse and exploitation of children"),
    ("fraud", "thematic", "sample", 2014, 2025, "fraud victims",
     "Fraud: time to choose – an inspection of the police response to fraud"),
    ("digital-forensics", "thematic", "sample", 2015, 2025, "digital",
     "An inspection into how well the police and other agencies use digital forensics in their "
     "investigations"),
    ("digital-crime", "thematic", "sample", 2011, 2025, "digital fraud",
     "Real lives, real crimes: a study of digital crime and policing"),
    ("firearms-licensing", "thematic", "all", 2014, 2025, "firearms_licensing",
     "Targeting the risk: an inspection of the efficiency and effectiveness of firearms "
     "licensing in police forces"),
    ("information-management", "thematic", "all", 2011, 2025, "data",
     "Building the picture: an inspection of police information management"),
    ("anti-social-behaviour", "thematic", "sample", 2011, 2025, "asb",
     "The police response to anti-social behaviour"),
    ("custody-welfare", "custody", "sample", 2011, 2025, "custody mental_health",
     "The welfare of vulnerable people in police custody"),
    ("roads-policing", "thematic", "sample", 2013, 2025, "roads",
     "Roads policing: not optional"),
    ("acquisitive-crime", "thematic", "sample", 2015, 2025, "investigation victims",
     "Finding time for crime: the police response to burglary, robbery and other acquisitive "
     "crime"),
    ("serious-youth-violence", "thematic", "sample", 2018, 2025, "soc child_protection",
     "An inspection of the police response to serious youth violence"),
    ("honour-based-abuse", "thematic", "all", 2014, 2025, "domestic_abuse vulnerability",
     "The depths of dishonour: the police response to honour-based violence"),
    ("chief-officers", "thematic", "all", 2015, 2025, "leadership",
     "Leading lights: an inspection of the selection and development of chief officers"),
    ("contact-management", "thematic", "all", 2016, 2025, "call_handling",
     "Police contact management through 101 and online reporting"),
    ("race-disparity", "joint", "sample", 2019, 2025, "stop_search hate_crime",
     "Race and policing: an inspection of race disparity in police criminal justice "
     "decision-making"),
    ("disability-hate-crime", "joint", "sample", 2012, 2025, "hate_crime victims",
     "Joint inspection of the handling of cases involving disability hate crime"),
    ("evidence-led-prosecutions", "joint", "sample", 2016, 2025, "domestic_abuse investigation",
     "Evidence-led domestic abuse prosecutions"),
    ("victims-code", "joint", "sample", 2015, 2025, "victims",
     "An inspection of how well the police comply with the Victims' Code"),
    ("neighbourhood-policing", "thematic", "all", 2016, 2025, "prevention",
     "An inspection of neighbourhood policing in England and Wales"),
    ("workforce-wellbeing", "thematic", "all", 2017, 2025, "workforce",
     "An inspection of how police forces look after the wellbeing of their workforce"),
    ("recruitment", "thematic", "all", 2020, 2025, "vetting workforce",
     "An inspection of police recruitment, vetting and the Police Uplift Programme"),
    ("activism-impartiality", "thematic", "sample", 2022, 2025, "leadership workforce",
     "An inspection of activism and impartiality in policing"),
    ("county-lines", "thematic", "sample", 2017, 2025, "soc vulnerability",
     "Both sides of the coin: the police response to county lines"),
    ("offender-management", "joint", "sample", 2013, 2025, "offender_management",
     "Sex offender management: an inspection of the police management of registered sex offenders"),
    ("rocus", "thematic", "rocus", 2015, 2025, "soc digital",
     "An inspection of the effectiveness of the regional organised crime units"),
]
# fmt: on
# Titles for later reports on a subject already reported on.
FOLLOW_UP_TITLES = [
    "{title}: a progress report",
    "{title}: revisited",
    "{title}: an update ({year})",
    "{title}: a further inspection ({year})",
]

# Text pools.
AFI_QUALIFIERS = [
    ", and monitor how well this works",
    ", and check that this is done consistently",
    " in all its local policing areas",
    ", and make sure that supervisors oversee this",
    " so that it can show the difference this makes",
    ", working with partner organisations where appropriate",
    ", and make sure that officers and staff are trained to do this",
    " so that the public receive a consistent service",
    ", and evaluate the effect of the changes it makes",
    " as a priority",
]
DETAILS = [
    "We found that the {noun} {gap}.",
    "In {n} of the {m} cases we reviewed, the {noun} {gap}.",
    "The {noun} recognises this and has started work to address it, but it is too early to "
    "see the benefits.",
    "Officers and staff we spoke to told us that {pressure}.",
    "This means that some people may not get the service they need.",
    "The {noun} should make sure that its plans are monitored and their effect evaluated.",
]
GAPS = [
    "didn't always do this",
    "did this inconsistently across its local policing areas",
    "didn't record its decisions clearly",
    "didn't have enough trained staff to do this",
    "didn't review progress often enough",
]
PRESSURES = [
    "high workloads made this difficult",
    "they hadn't been trained to do this",
    "they weren't clear about what was expected of them",
    "the force's IT systems made this hard to do",
]
REPEAT_NOTE = (
    "This was an area for improvement given to the {noun} in {year} and hasn't been addressed."
)
PRACTICE_LEADS = [
    "{force} has introduced {practice}.",
    "The {noun} has set up {practice}.",
    "We were impressed by {practice} in {force}.",
]

# Section 55 responses.
KEY_FINDINGS = [
    "HMICFRS published its report on {date}. It covers {forces}.",
    "The report found much to commend in {force}, and identified areas where the {noun} should "
    "improve.",
    "The inspectorate recognised the progress made since the last inspection.",
]
CHIEF_RESPONSES = [
    "The force welcomes the report and accepts its findings. An action plan has been agreed "
    "and progress will be reported to the {office}.",
    "I am pleased that the inspectorate recognised the hard work of our officers and staff. "
    "We have already started work on the areas for improvement.",
    "The force accepts the recommendations and has appointed a chief officer lead for each of "
    "them.",
]
GENERAL_COMMENTS = [
    "I welcome this report and the assurance it gives the public of {area}.",
    "I will use my regular accountability meetings with the Chief Constable to monitor "
    "progress against each finding.",
    "I am reassured by the Chief Constable's response and the action plan the force has put in "
    "place.",
    "I have asked the Chief Constable to report progress to me every quarter.",
]
CONCLUSIONS = [
    "I will continue to hold the Chief Constable to account for the improvements this report "
    "identifies, and will share progress with the Police and Crime Panel.",
    "I am satisfied that the force has a clear plan to respond to the report, and I will "
    "monitor its delivery.",
]
FINDING_CHIEF_COMMENTS = [
    "Accepted. Work is under way and is overseen by the relevant chief officer.",
    "Accepted. This is included in the force's improvement plan.",
    "The force has reviewed its processes and introduced new guidance for officers.",
    "A working group has been set up to take this forward.",
]
FINDING_OFFICE_COMMENTS = [
    "I will monitor progress through my accountability meetings.",
    "I am assured that the force has a plan to address this.",
    "My office will review the evidence of progress before HMICFRS revisits the force.",
    "I have asked for a progress update in six months.",
]
# fmt: off
ACTION_EXPLANATIONS = {
    "taken": [
        "The force has completed the work and HMICFRS has been asked to review the evidence.",
        "New procedures were introduced and are checked through monthly audits.",
    ],
    "proposed": [
        "An action plan has been agreed; the work will be complete by the date HMICFRS set.",
        "The force will review its approach and report to me on progress.",
    ],
    "none": ["No further action is proposed: the force already meets this recommendation."],
}
# fmt: on
RECOMMENDATIONS_NOTE_NONE = "There are no recommendations for {force} in this report."
AFI_INTRODUCTION = "The report identified {count} areas for improvement relevant to {force}."
