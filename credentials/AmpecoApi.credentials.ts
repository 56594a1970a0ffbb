import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Expression form of nodes/Ampeco/shared/tenant-url.ts for the credential test, which n8n
 * runs without our code: add https:// when missing, drop trailing slashes.
 */
const TENANT_ORIGIN =
	"={{ (/^https?:\\/\\//i.test($credentials.tenantUrl.trim()) ? $credentials.tenantUrl.trim() : 'https://' + $credentials.tenantUrl.trim()).replace(/\\/+$/, '').replace(/\\/public-api$/, '') }}";

export class AmpecoApi implements ICredentialType {
	name = 'ampecoApi';

	displayName = 'AMPECO API';

	icon: Icon = { light: 'file:../nodes/Ampeco/ampeco.svg', dark: 'file:../nodes/Ampeco/ampeco.dark.svg' };

	documentationUrl = 'https://developers.ampeco.com/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Tenant URL',
			name: 'tenantUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'cp.example.com',
			description: 'Address of your AMPECO.CHARGE tenant. https:// is added when missing; http:// is accepted for localhost only.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Public API token created in the AMPECO back office (Settings → API Access)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: TENANT_ORIGIN,
			url: '/public-api/resources/currencies/v2.0',
			method: 'GET',
		},
	};
}
